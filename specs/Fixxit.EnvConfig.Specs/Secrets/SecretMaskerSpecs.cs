using System.Text;
using Fixxit.Cryptography;
using Fixxit.Masking;

namespace Fixxit.EnvConfig.Specs.Secrets;

/// <summary>Every registered secret, in every encoding it is likely to appear in, is masked.</summary>
public sealed class SecretMaskerSpecs
{
    private SecretMasker _masker = null!;

    /// <summary>NUnit shares one fixture instance across tests: each test gets its own masker.</summary>
    [SetUp]
    public void NewMasker() => _masker = new SecretMasker();

    [Test]
    public void A_registered_value_is_replaced_by_its_label_everywhere_it_appears()
    {
        _masker.Register("hunter2-password", "admin password");
        _masker.Mask("login hunter2-password then hunter2-password").Should().Be("login ***admin password*** then ***admin password***");
    }

    [Test]
    public void Url_and_json_encodings_of_a_secret_are_masked()
    {
        const string secret = "p@ss w/rd\"+&=";
        _masker.Register(secret);
        _masker.Mask("https://x/?p=" + Uri.EscapeDataString(secret)).Should().NotContain(Uri.EscapeDataString(secret)).And.Contain("***secret***");
        _masker.Mask("{\"p\":\"" + System.Text.Json.JsonEncodedText.Encode(secret) + "\"}").Should().Be("{\"p\":\"***secret***\"}");
    }

    [Test]
    public void Registering_a_key_in_either_form_masks_both_forms()
    {
        var key = FernetKey.Generate().ToCanonicalString();
        var wrapped = Convert.ToBase64String(Encoding.ASCII.GetBytes(key));
        var fromWrapped = new SecretMasker();
        fromWrapped.Register(wrapped, "key");
        fromWrapped.Mask($"{key} {wrapped}").Should().Be("***key*** ***key***");

        _masker.Register(key, "key");
        _masker.Mask($"{wrapped} {key}").Should().Be("***key*** ***key***");
    }

    [Test]
    public void A_secret_inside_a_longer_secret_does_not_leave_the_rest_visible()
    {
        _masker.Register("abcdefgh", "short");
        _masker.Register("xx-abcdefgh-yy", "long");
        _masker.Mask("xx-abcdefgh-yy").Should().Be("***long***");
    }

    [Test]
    public void Values_too_short_to_mask_safely_are_not_registered()
    {
        _masker.Register("12345");
        _masker.Register(null);
        _masker.Register("");
        _masker.Count.Should().Be(0);
        _masker.Mask("port 12345").Should().Be("port 12345");
    }

    [Test]
    public void Text_without_secrets_is_unchanged_and_null_becomes_empty()
    {
        _masker.Register("some-secret-value");
        _masker.Mask("nothing to hide").Should().Be("nothing to hide");
        _masker.Mask(null).Should().BeEmpty();
    }

    [Test]
    public void The_shared_instance_is_one_per_process() => SecretMasker.Shared.Should().BeSameAs(SecretMasker.Shared);
}
