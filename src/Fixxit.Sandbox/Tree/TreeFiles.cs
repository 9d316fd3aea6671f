namespace Fixxit.Sandbox.Tree;

/// <summary>The small files of the fork's checkout that the sandbox writes as they look upstream (trimmed).</summary>
public static class TreeFiles
{
    public const string PackageVersion = "0.6.43";

    public static string DotEnv(string webuiUrl, string webuiSecretKey, string encryptionKey) => $"""
        # Open WebUI backend settings
        WEBUI_URL={webuiUrl}
        FRONTEND_BASE_URL={webuiUrl}
        WEBUI_SECRET_KEY={webuiSecretKey}
        DATABASE_PASSWORD_ENCRYPTION_KEY="{encryptionKey}"
        ENABLE_SIGNUP=true
        DEFAULT_USER_ROLE=pending

        """;

    public const string PackageJson = $$"""
        {
          "name": "open-webui",
          "version": "{{PackageVersion}}",
          "private": true,
          "type": "module",
          "scripts": {
            "dev": "vite",
            "build": "vite build"
          },
          "devDependencies": {
            "vite": "file:vendor/vite"
          }
        }

        """;

    // Copies file: dependencies into node_modules (as a registry install would) instead of symlinking them.
    public const string Npmrc = "install-links=true\naudit=false\nfund=false\n";

    public const string GitIgnore = "node_modules/\nlogs/\nbackend/data/\nbackend/.env\n__pycache__/\n*.pyc\n";

    public const string ViteConfig = """
        import { sveltekit } from '@sveltejs/kit/vite';
        import { defineConfig } from 'vite';

        export default defineConfig({
        	plugins: [sveltekit()],
        	define: {
        		APP_VERSION: JSON.stringify(process.env.npm_package_version),
        	},
        	server: {
        		host: '127.0.0.1'
        	}
        });

        """;

    public const string Requirements = "fastapi==0.115.7\nuvicorn[standard]==0.34.0\npydantic==2.10.6\nsqlalchemy==2.0.38\ncryptography==44.0.1\npython-jose==3.4.0\npasslib[bcrypt]==1.7.4\npeewee==3.17.9\n";

    public const string VitePackageJson = """
        {
          "name": "vite",
          "version": "5.4.14",
          "description": "Fixxit sandbox stand-in for the Vite dev server: runs the stand-in backend's frontend verb",
          "bin": { "vite": "bin/vite.js" },
          "files": ["bin", "dist"]
        }

        """;

    /// <summary>The stand-in's <c>vite</c> command: Vite's options in, the stand-in backend's <c>frontend</c> verb out.</summary>
    public const string ViteBin = """
        #!/usr/bin/env node
        // Fixxit sandbox: stands in for `vite` (dev server). Accepts Vite's --port/--host/--strictPort and serves the UI
        // through the stand-in backend's `frontend` verb, proxying API calls to $BACKEND_PORT.
        'use strict';
        const { spawn } = require('child_process');
        const path = require('path');
        const args = process.argv.slice(2);
        let port = '5173';
        for (let i = 0; i < args.length; i++) {
          if (args[i] === '--port' && args[i + 1]) port = args[++i];
          else if (args[i].startsWith('--port=')) port = args[i].slice(7);
        }
        const appRoot = process.cwd();
        const backendPort = process.env.BACKEND_PORT || '8080';
        const dll = path.join(appRoot, 'backend', 'open_webui', 'Fixxit.Sandbox.Backend.dll');
        console.log(`  VITE v5.4.14  ready\n  ➜  Local:   http://127.0.0.1:${port}/`);
        const child = spawn('dotnet', [dll, 'frontend', '--port', port, '--backend-port', backendPort, '--app-root', appRoot], { stdio: 'inherit' });
        for (const signal of ['SIGTERM', 'SIGINT', 'SIGHUP']) process.on(signal, () => child.kill(signal));
        child.on('exit', (code, signal) => process.exit(code === null ? 1 : code));

        """;

    public static IReadOnlyDictionary<string, string> SourceFiles { get; } = new Dictionary<string, string>
    {
        ["src/app.html"] = "<!doctype html>\n<html lang=\"en\">\n<head><meta charset=\"utf-8\" />%sveltekit.head%</head>\n<body>%sveltekit.body%</body>\n</html>\n",
        ["src/lib/constants.ts"] = "export const APP_NAME = 'Open WebUI';\nexport const WEBUI_BASE_URL = '';\nexport const WEBUI_API_BASE_URL = `${WEBUI_BASE_URL}/api/v1`;\n",
        ["src/lib/apis/auths/index.ts"] = "import { WEBUI_API_BASE_URL } from '$lib/constants';\n\nexport const userSignIn = async (email: string, password: string) => {\n\tconst res = await fetch(`${WEBUI_API_BASE_URL}/auths/signin`, {\n\t\tmethod: 'POST',\n\t\theaders: { 'Content-Type': 'application/json' },\n\t\tcredentials: 'include',\n\t\tbody: JSON.stringify({ email, password })\n\t});\n\tif (!res.ok) throw await res.json();\n\treturn res.json();\n};\n",
        ["src/lib/apis/invitations/index.ts"] = "import { WEBUI_API_BASE_URL } from '$lib/constants';\n\nexport const createInvitation = async (token: string, email: string) => {\n\tconst res = await fetch(`${WEBUI_API_BASE_URL}/invitations/create`, {\n\t\tmethod: 'POST',\n\t\theaders: { Authorization: `Bearer ${token}`, 'Content-Type': 'application/json' },\n\t\tbody: JSON.stringify({ email })\n\t});\n\tif (!res.ok) throw await res.json();\n\treturn res.json();\n};\n",
        ["src/routes/auth/+page.svelte"] = "<script lang=\"ts\">\n\timport { userSignIn } from '$lib/apis/auths';\n\tlet email = '';\n\tlet password = '';\n</script>\n\n<form on:submit|preventDefault={() => userSignIn(email, password)}>\n\t<input id=\"email\" type=\"email\" autocomplete=\"email\" bind:value={email} />\n\t<input id=\"password\" type=\"password\" bind:value={password} />\n\t<button type=\"submit\">Sign in</button>\n</form>\n",
        ["src/routes/(app)/admin/logs/+page.svelte"] = "<script lang=\"ts\">\n\texport let data;\n</script>\n\n<h1>Logs</h1>\n{#each data.lines as line}<pre>{line}</pre>{/each}\n",
    };
}
