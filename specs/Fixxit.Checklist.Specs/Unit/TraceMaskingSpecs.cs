using System.IO.Compression;
using System.Text;
using Fixxit.Checklist.Specs.Privacy;
using Fixxit.Masking;
using Fixxit.Evidence.Traces;

namespace Fixxit.Checklist.Specs;

/// <summary>
/// A trace shaped like Playwright's (network log, action log with DOM snapshots, body resources) holding a password, a
/// session cookie, a bearer token and an API body, none of them registered with the masker: the masked copy holds none
/// of them, keeps what the trace viewer needs (URLs, stylesheets, the actions), and the raw trace is untouched.
/// </summary>
public sealed class TraceMaskingSpecs
{
    private const string Password = "Typed-Pa55word-Nobody-Registered";
    private const string Jwt = "eyJhbGciOiJIUzI1NiJ9.eyJpZCI6InVzZXItMTIzNDUifQ.c2lnbmF0dXJlLW9mLXRoZS10b2tlbg";
    private const string ApiBodySecret = "chat-history-of-a-real-person";
    private const string Registered = "registered-secret-0123456789";

    private string _folder = string.Empty;

    [SetUp]
    public void CreateFolder() => Directory.CreateDirectory(_folder = Path.Combine(Path.GetTempPath(), "fixxit-trace-mask-" + Guid.NewGuid().ToString("N")[..8]));

    [TearDown]
    public void DeleteFolder() => Directory.Delete(_folder, recursive: true);

    [Test]
    public void The_masked_trace_holds_no_credential_body_or_typed_value_and_keeps_what_the_viewer_needs()
    {
        SecretMasker.Shared.Register(Registered, "registered");
        var raw = WriteRawTrace();
        var masked = Path.Combine(_folder, "masked.zip");

        TraceMasking.WriteMasked(raw, masked);

        var secrets = new[] { Password, Jwt, ApiBodySecret, Registered }.Select(v => new KnownSecret(v[..8], v)).ToList();
        ReportFolderScan.Folder(_folder, secrets).Should().OnlyContain(f => f.StartsWith("raw.zip", StringComparison.Ordinal),
            "only the raw trace (in the private scratch folder in a real run) may hold them");
        ReportFolderScan.Folder(_folder, secrets).Should().Contain(f => f.StartsWith("raw.zip", StringComparison.Ordinal), "the raw trace is left as it was");
        using var zip = ZipFile.OpenRead(masked);
        zip.Entries.Select(e => e.FullName).Should().BeEquivalentTo("trace.trace", "trace.network", "resources/style.css", "resources/logo.png");
        var network = Read(zip, "trace.network");
        network.Should().Contain("https://app.example.test/api/v1/auths/signin").And.Contain("\"authorization\"").And.Contain("\"set-cookie\"");
        Read(zip, "resources/style.css").Should().Be("body { color: red }");
        var trace = Read(zip, "trace.trace");
        trace.Should().Contain("\"method\":\"fill\"").And.Contain("#password").And.Contain("frame-snapshot").And.Contain("Sign in");
        trace.Should().NotContain("screencast-frame", "pixels cannot be searched for secrets");
        trace.Should().Contain("\"type\":\"checkbox\",\"__playwright_value_\":\"on\"", "a checkbox's value is a label, not typed text");
    }

    [Test]
    public void Credential_query_parameters_are_masked_in_urls_and_other_parameters_kept()
    {
        TraceNetworkMasking.MaskUrl("https://a.test/auth?token=abc123&page=2#top")
            .Should().Be("https://a.test/auth?token=***masked***&page=2#top");
        TraceNetworkMasking.MaskUrl("https://a.test/api/models").Should().Be("https://a.test/api/models");
    }

    private string WriteRawTrace()
    {
        var path = Path.Combine(_folder, "raw.zip");
        using var zip = ZipFile.Open(path, ZipArchiveMode.Create);
        Add(zip, "trace.network",
            """{"type":"resource-snapshot","snapshot":{"request":{"method":"POST","url":"https://app.example.test/api/v1/auths/signin","headers":[{"name":"authorization","value":"Bearer @Jwt@"},{"name":"accept","value":"*/*"}],"cookies":[{"name":"token","value":"@Jwt@"}],"queryString":[],"postData":{"mimeType":"application/json","text":"","_file":"resources/body.json"}},"response":{"status":200,"headers":[{"name":"set-cookie","value":"token=@Jwt@; path=/"}],"cookies":[],"content":{"mimeType":"application/json","_sha1":"answer.json"}}}}""" + "\n" +
            """{"type":"resource-snapshot","snapshot":{"request":{"method":"GET","url":"https://app.example.test/style.css","headers":[],"cookies":[],"queryString":[]},"response":{"status":200,"headers":[],"cookies":[],"content":{"mimeType":"text/css","_sha1":"style.css"}}}}""" + "\n");
        Add(zip, "trace.trace",
            """{"type":"before","callId":"call@1","method":"fill","params":{"selector":"#password","value":"@Password@"}}""" + "\n" +
            """{"type":"before","callId":"call@2","method":"addInitScript","params":{"source":"localStorage.setItem('token', '@Jwt@')"}}""" + "\n" +
            """{"type":"frame-snapshot","snapshot":{"html":["HTML",{},["BODY",{},["INPUT",{"type":"password","__playwright_value_":"@Password@"}],["INPUT",{"type":"checkbox","__playwright_value_":"on"}],["BUTTON",{},"Sign in"],["P",{},"@Registered@"]]]}}""" + "\n" +
            """{"type":"screencast-frame","pageId":"page@1","sha1":"frame-1.jpeg","width":10,"height":10}""" + "\n");
        Add(zip, "resources/body.json", """{"email":"sam@example.test","password":"@Password@"}""");
        Add(zip, "resources/answer.json", """{"token":"@Jwt@","chats":["@ApiBodySecret@"]}""");
        Add(zip, "resources/style.css", "body { color: red }");
        Add(zip, "resources/frame-1.jpeg", "@Password@");
        var png = new byte[] { 0x89, 0x50, 0x4E, 0x47, 0, 1, 2 };
        using (var stream = zip.CreateEntry("resources/logo.png").Open()) stream.Write(png);
        return path;
    }

    private static void Add(ZipArchive zip, string name, string template)
    {
        var text = template.Replace("@Jwt@", Jwt, StringComparison.Ordinal).Replace("@Password@", Password, StringComparison.Ordinal)
            .Replace("@ApiBodySecret@", ApiBodySecret, StringComparison.Ordinal).Replace("@Registered@", Registered, StringComparison.Ordinal);
        using var stream = zip.CreateEntry(name).Open();
        stream.Write(Encoding.UTF8.GetBytes(text));
    }

    private static string Read(ZipArchive zip, string name)
    {
        using var reader = new StreamReader(zip.GetEntry(name)!.Open());
        return reader.ReadToEnd();
    }
}
