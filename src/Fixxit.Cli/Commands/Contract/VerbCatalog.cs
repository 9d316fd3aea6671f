using System.Diagnostics.CodeAnalysis;
using Spectre.Console.Cli;
using Spectre.Console.Cli.Help;

namespace Fixxit.Cli.Commands;

/// <summary>
/// Every verb as it is registered (its full path, e.g. <c>lock status</c>, and its settings type), recorded by wrapping
/// the configurator the registrations run against. The registrations stay the one list of verbs: the envelope's
/// <c>command</c> and the usage errors' "did you mean" both read it.
/// </summary>
public sealed class VerbCatalog
{
    private readonly List<Verb> _verbs = [];

    public sealed record Verb(string Path, Type Settings);

    public IReadOnlyList<Verb> Verbs => _verbs;

    public IConfigurator Recording(IConfigurator inner) => new Root(inner, this);

    /// <summary>The longest registered verb path the command line starts with ("" when none).</summary>
    public string PathOf(IReadOnlyList<string> args)
    {
        ArgumentNullException.ThrowIfNull(args);
        var words = args.TakeWhile(a => !a.StartsWith('-')).ToList();
        for (var n = words.Count; n > 0; n--)
        {
            var path = string.Join(' ', words.Take(n));
            if (_verbs.Any(v => v.Path == path) || _verbs.Any(v => v.Path.StartsWith(path + " ", StringComparison.Ordinal))) return path;
        }

        return string.Empty;
    }

    public Verb? Find(string path) => _verbs.FirstOrDefault(v => v.Path == path);

    /// <summary>The verbs one level below <paramref name="prefix"/> ("" = the top level).</summary>
    public IEnumerable<string> NamesUnder(string prefix) => _verbs
        .Select(v => v.Path)
        .Where(p => prefix.Length == 0 || p.StartsWith(prefix + " ", StringComparison.Ordinal))
        .Select(p => (prefix.Length == 0 ? p : p[(prefix.Length + 1)..]).Split(' ')[0])
        .Distinct();

    private void Add(string path, Type command)
    {
        var settings = command.GetInterfaces()
            .FirstOrDefault(i => i.IsGenericType && i.GetGenericTypeDefinition() == typeof(ICommand<>))?
            .GetGenericArguments()[0] ?? typeof(EmptyCommandSettings);
        _verbs.Add(new Verb(path, settings));
    }

    private static string Join(string prefix, string name) => prefix.Length == 0 ? name : prefix + " " + name;

    private sealed class Root(IConfigurator inner, VerbCatalog catalog) : IConfigurator
    {
        public ICommandAppSettings Settings => inner.Settings;

        public IConfigurator SetHelpProvider(IHelpProvider helpProvider) => inner.SetHelpProvider(helpProvider);

        public IConfigurator SetHelpProvider<T>() where T : IHelpProvider => inner.SetHelpProvider<T>();

        public IConfigurator AddExample(params string[] args) => inner.AddExample(args);

        public ICommandConfigurator AddCommand<[DynamicallyAccessedMembers(DynamicallyAccessedMemberTypes.PublicConstructors)] TCommand>(string name)
            where TCommand : class, ICommand
        {
            catalog.Add(name, typeof(TCommand));
            return inner.AddCommand<TCommand>(name);
        }

        public ICommandConfigurator AddDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, int> func)
            where TSettings : CommandSettings
        {
            catalog._verbs.Add(new Verb(name, typeof(TSettings)));
            return inner.AddDelegate(name, func);
        }

        public ICommandConfigurator AddAsyncDelegate<TSettings>(string name, Func<CommandContext, TSettings, CancellationToken, Task<int>> func)
            where TSettings : CommandSettings
        {
            catalog._verbs.Add(new Verb(name, typeof(TSettings)));
            return inner.AddAsyncDelegate(name, func);
        }

        public IBranchConfigurator AddBranch<TSettings>(string name, Action<IConfigurator<TSettings>> action)
            where TSettings : CommandSettings =>
            inner.AddBranch<TSettings>(name, branch => action(new Branch<TSettings>(branch, catalog, name)));
    }

    private sealed class Branch<TSettings>(IConfigurator<TSettings> inner, VerbCatalog catalog, string path) : IConfigurator<TSettings>
        where TSettings : CommandSettings
    {
        public void SetDescription(string description) => inner.SetDescription(description);

        public void AddExample(params string[] args) => inner.AddExample(args);

        public void SetDefaultCommand<TDefaultCommand>() where TDefaultCommand : class, ICommandLimiter<TSettings>
        {
            catalog.Add(path, typeof(TDefaultCommand));
            inner.SetDefaultCommand<TDefaultCommand>();
        }

        public void HideBranch() => inner.HideBranch();

        public ICommandConfigurator AddCommand<TCommand>(string name) where TCommand : class, ICommandLimiter<TSettings>
        {
            catalog.Add(Join(path, name), typeof(TCommand));
            return inner.AddCommand<TCommand>(name);
        }

        public ICommandConfigurator AddDelegate<TDerivedSettings>(string name, Func<CommandContext, TDerivedSettings, CancellationToken, int> func)
            where TDerivedSettings : TSettings
        {
            catalog._verbs.Add(new Verb(Join(path, name), typeof(TDerivedSettings)));
            return inner.AddDelegate(name, func);
        }

        public ICommandConfigurator AddAsyncDelegate<TDerivedSettings>(string name, Func<CommandContext, TDerivedSettings, CancellationToken, Task<int>> func)
            where TDerivedSettings : TSettings
        {
            catalog._verbs.Add(new Verb(Join(path, name), typeof(TDerivedSettings)));
            return inner.AddAsyncDelegate(name, func);
        }

        public IBranchConfigurator AddBranch<TDerivedSettings>(string name, Action<IConfigurator<TDerivedSettings>> action)
            where TDerivedSettings : TSettings =>
            inner.AddBranch<TDerivedSettings>(name, branch => action(new Branch<TDerivedSettings>(branch, catalog, Join(path, name))));
    }
}
