using System.Globalization;

namespace Fixxit.Sandbox.Tree;

/// <summary>
/// The fork's <c>start_server.sh</c>, sandbox edition: the ports are plain assignments near the top (what the plan's
/// <c>sed</c> edits), the encryption key is exported here as well as in <c>backend/.env</c> (the plan puts it in both),
/// and start | stop | status | restart manage the backend and the Vite dev server with pid and log files in <c>logs/</c>.
/// </summary>
public static class StartServerScriptTemplate
{
    public const string FileName = "start_server.sh";

    public static string Render(int backendPort, int frontendPort, string encryptionKey) =>
        Template
            .Replace("@BACKEND_PORT@", backendPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@FRONTEND_PORT@", frontendPort.ToString(CultureInfo.InvariantCulture), StringComparison.Ordinal)
            .Replace("@KEY@", encryptionKey, StringComparison.Ordinal);

    private const string Template = """
        #!/bin/bash
        # Open WebUI (Fixxit fork): start/stop the backend and the Vite dev server.
        # Usage: ./start_server.sh {start|stop|status|restart}

        BACKEND_PORT=@BACKEND_PORT@
        FRONTEND_PORT=@FRONTEND_PORT@

        # Encrypts stored log-source passwords. MUST match backend/.env (and the environment the DB came from).
        export DATABASE_PASSWORD_ENCRYPTION_KEY="@KEY@"

        cd "$(dirname "$(readlink -f "$0")")" || exit 1
        APP_DIR="$(pwd)"
        LOG_DIR="$APP_DIR/logs"
        mkdir -p "$LOG_DIR"

        pid_of() { cat "$LOG_DIR/$1.pid" 2>/dev/null; }

        is_running() {
            local pid
            pid="$(pid_of "$1")"
            [ -n "$pid" ] && kill -0 "$pid" 2>/dev/null && ! grep -q '^State:.*Z' "/proc/$pid/status" 2>/dev/null
        }

        wait_port() {
            local port="$1" tries=0
            while ! (exec 3<>"/dev/tcp/127.0.0.1/$port") 2>/dev/null; do
                tries=$((tries + 1))
                [ "$tries" -ge 300 ] && return 1
                sleep 0.1
            done
        }

        start_backend() {
            if is_running backend; then echo "backend: already running (pid $(pid_of backend))"; return 0; fi
            echo "$(date -u '+%Y-%m-%d %H:%M:%S') starting backend on port $BACKEND_PORT" >> "$LOG_DIR/backend.log"
            setsid dotnet backend/open_webui/Fixxit.Sandbox.Backend.dll backend --port "$BACKEND_PORT" --app-root "$APP_DIR" \
                >> "$LOG_DIR/backend.log" 2>&1 < /dev/null &
            echo $! > "$LOG_DIR/backend.pid"
            if wait_port "$BACKEND_PORT"; then echo "backend: started (pid $(pid_of backend), port $BACKEND_PORT)"
            else echo "backend: did not open port $BACKEND_PORT; see logs/backend.log" >&2; return 1; fi
        }

        start_frontend() {
            if is_running frontend; then echo "frontend: already running (pid $(pid_of frontend))"; return 0; fi
            if [ ! -x node_modules/.bin/vite ]; then
                echo "frontend: node_modules/.bin/vite not found - Vite is a devDependency: run 'npm install' (not --production)" | tee -a "$LOG_DIR/frontend.log" >&2
                return 1
            fi
            echo "$(date -u '+%Y-%m-%d %H:%M:%S') starting frontend on port $FRONTEND_PORT" >> "$LOG_DIR/frontend.log"
            export BACKEND_PORT  # the dev server proxies API calls to the backend
            setsid node_modules/.bin/vite --port "$FRONTEND_PORT" --strictPort \
                >> "$LOG_DIR/frontend.log" 2>&1 < /dev/null &
            echo $! > "$LOG_DIR/frontend.pid"
            if wait_port "$FRONTEND_PORT"; then echo "frontend: started (pid $(pid_of frontend), port $FRONTEND_PORT)"
            else echo "frontend: did not open port $FRONTEND_PORT; see logs/frontend.log" >&2; return 1; fi
        }

        stop_one() {
            local name="$1" pid tries=0
            pid="$(pid_of "$name")"
            if [ -z "$pid" ] || ! is_running "$name"; then echo "$name: not running"; rm -f "$LOG_DIR/$name.pid"; return 0; fi
            # Each process leads its own session (setsid): signal the group so children (Vite's server) stop too.
            kill -TERM -- "-$pid" 2>/dev/null || kill -TERM "$pid" 2>/dev/null
            while is_running "$name" && [ "$tries" -lt 100 ]; do sleep 0.1; tries=$((tries + 1)); done
            if is_running "$name"; then kill -KILL -- "-$pid" 2>/dev/null || kill -KILL "$pid" 2>/dev/null; fi
            rm -f "$LOG_DIR/$name.pid"
            echo "$name: stopped (pid $pid)"
        }

        status() {
            local rc=0
            if is_running backend; then echo "backend: running (pid $(pid_of backend), port $BACKEND_PORT)"
            else echo "backend: stopped (port $BACKEND_PORT)"; rc=1; fi
            if is_running frontend; then echo "frontend: running (pid $(pid_of frontend), port $FRONTEND_PORT)"
            else echo "frontend: stopped (port $FRONTEND_PORT)"; rc=1; fi
            return $rc
        }

        case "$1" in
            start) rc=0; start_backend || rc=1; start_frontend || rc=1; exit $rc ;;
            stop) stop_one frontend; stop_one backend ;;
            status) status; exit $? ;;
            restart) stop_one frontend; stop_one backend; rc=0; start_backend || rc=1; start_frontend || rc=1; exit $rc ;;
            *) echo "Usage: $0 {start|stop|status|restart}" >&2; exit 2 ;;
        esac

        """;
}
