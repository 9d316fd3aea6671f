namespace Fixxit.EnvConfig;

/// <summary>How the frontend is served. The plan keeps the Vite dev server in production "for now".</summary>
public enum FrontendMode
{
    /// <summary><c>npm run dev</c>: Vite serves the UI on the frontend port; Vite is a devDependency.</summary>
    ViteDevServer,

    /// <summary><c>npm run build</c> output served as static files.</summary>
    Built,
}
