namespace Fixxit.EnvConfig.Specs.ShellScript;

/// <summary>start_server.sh shapes met in the wild; each line numbered in a comment where specs refer to it.</summary>
internal static class UglyStartScripts
{
    /// <summary>Test-only Fernet key text (protects nothing).</summary>
    public const string TestKey = "dGVzdC1vbmx5LWtleS1ub3QtYS1zZWNyZXQtMDAwMDA=";

    /// <summary>The fork's script as the plan describes it: ports at the top, the key exported, functions, case, heredoc.</summary>
    public static readonly string Fork = string.Join("\n",
        "#!/bin/bash",                                                                   // 1
        "# Fixxit Open WebUI start script (dev: 8080/5173)",                             // 2
        "set -euo pipefail",                                                             // 3
        "SCRIPT_DIR=\"$(cd \"$(dirname \"${BASH_SOURCE[0]}\")\" && pwd)\"",              // 4
        "BACKEND_PORT=8080          # uvicorn",                                          // 5
        "FRONTEND_PORT=\"5173\"       # vite dev server",                                // 6
        "LOG_DIR=\"$SCRIPT_DIR/logs\"",                                                  // 7
        "export DATABASE_PASSWORD_ENCRYPTION_KEY=\"" + TestKey + "\"",                   // 8
        "export WEBUI_SECRET_KEY=$(cat \"$SCRIPT_DIR/backend/.webui_secret_key\")",      // 9
        "source \"$SCRIPT_DIR/backend/venv/bin/activate\"",                              // 10
        "",                                                                              // 11
        "start_backend() {",                                                             // 12
        "    cd \"$SCRIPT_DIR/backend\"",                                                // 13
        "    local pid_file=\"$LOG_DIR/backend.pid\"",                                   // 14
        "    PORT=$BACKEND_PORT nohup uvicorn open_webui.main:app --host 127.0.0.1 --port \"$BACKEND_PORT\" \\", // 15
        "        --forwarded-allow-ips '*' > \"$LOG_DIR/backend.log\" 2>&1 &",          // 16
        "    echo $! > \"$pid_file\"",                                                   // 17
        "}",                                                                             // 18
        "",                                                                              // 19
        "function start_frontend {",                                                     // 20
        "    ( cd \"$SCRIPT_DIR\" && nohup npm run dev -- --port $FRONTEND_PORT --host > \"$LOG_DIR/frontend.log\" 2>&1 & )", // 21
        "}",                                                                             // 22
        "",                                                                              // 23
        "usage() {",                                                                     // 24
        "    cat <<EOF",                                                                 // 25
        "Usage: $0 {start|stop|status}",                                                 // 26
        "  BACKEND_PORT=9999 is text in a here-document, not an assignment",             // 27
        "EOF",                                                                           // 28
        "}",                                                                             // 29
        "",                                                                              // 30
        "case \"${1:-}\" in",                                                            // 31
        "    start)",                                                                    // 32
        "        start_backend; start_frontend ;;",                                      // 33
        "    stop)",                                                                     // 34
        "        pkill -f \"uvicorn.*--port $BACKEND_PORT\" || true",                    // 35
        "        ;;",                                                                    // 36
        "    status) curl -s \"http://localhost:${BACKEND_PORT}/health\" ;;",            // 37
        "    *) usage; exit 1 ;;",                                                       // 38
        "esac",                                                                          // 39
        "");

    public static string Crlf(string text) => text.Replace("\n", "\r\n", StringComparison.Ordinal);

    public static IEnumerable<TestCaseData> RoundTripCases()
    {
        yield return new TestCaseData(Fork).SetName("the fork's script");
        yield return new TestCaseData(Crlf(Fork)).SetName("the fork's script with CRLF");
        yield return new TestCaseData(Fork.TrimEnd('\n')).SetName("no final newline");
        yield return new TestCaseData("\uFEFFBACKEND_PORT=8080\n").SetName("a BOM");
        yield return new TestCaseData("").SetName("empty");
        yield return new TestCaseData("BACKEND_PORT=8080; FRONTEND_PORT=5173   \t\n").SetName("two assignments on one line with trailing blanks");
        yield return new TestCaseData("if [ -f .env ]; then\n  set -a; . ./backend/.env; set +a\nfi\n").SetName("sourcing .env in a block");
        yield return new TestCaseData("X=$((8000 + 80))\nY=`echo hi`\nZ=$'a\\'b'\narr=(one \"two three\")\n").SetName("arithmetic, backquotes, ANSI-C quotes, arrays");
        yield return new TestCaseData("cat <<-'END'\n\tKEY=not-an-assignment\n\tEND\nA=1\n").SetName("quoted, tab-stripped heredoc");
    }
}
