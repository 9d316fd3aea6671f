#!/usr/bin/env bash
# Installs what Fixxit.Verify needs on a fresh Debian 12 machine, then restores NuGet packages.
# Idempotent: a package already present is not touched; running it twice is safe and quick.
set -euo pipefail
cd "$(dirname "$0")/.."

# Debian packages the product drives for real (see docs/architecture.md): browser, proxy, SSH, copy, database CLI,
# certutil for trusting the sandbox CA, procps/iproute2 for process and socket checks, and the Python packages the
# specs use as independent oracles (Fernet tokens, dotenv parsing); sudo and pebble (the ACME server) for the rehearsal
# host; aiosmtpd is the real SMTP server the nightly's alert specs deliver to, and systemd provides systemd-analyze for
# verifying the generated units (installing the package starts nothing where systemd is not PID 1).
packages=(chromium caddy openssh-server openssh-client rsync sqlite3 libnss3-tools procps iproute2 git python3 python3-cryptography python3-dotenv sudo pebble python3-aiosmtpd systemd)
missing=()
for p in "${packages[@]}"; do
  dpkg-query -W -f='${Status}' "$p" 2>/dev/null | grep -q "install ok installed" || missing+=("$p")
done
sudo_cmd=""; [ "$(id -u)" -ne 0 ] && sudo_cmd="sudo"
if [ ${#missing[@]} -gt 0 ]; then
  echo "bootstrap: installing ${missing[*]}"
  $sudo_cmd apt-get update -qq
  DEBIAN_FRONTEND=noninteractive $sudo_cmd apt-get install -y -qq --no-install-recommends "${missing[@]}" >/dev/null
else
  echo "bootstrap: Debian packages present"
fi

# The sandbox's dev tree installs its local Vite with npm (offline); the image ships Node.js, Debian's is the fallback.
if ! command -v npm >/dev/null 2>&1; then
  echo "bootstrap: installing nodejs npm"
  DEBIAN_FRONTEND=noninteractive ${sudo_cmd:-} apt-get install -y -qq --no-install-recommends nodejs npm >/dev/null
fi

# Packages install services but must not run them: the sandbox starts its own sshd and Caddy on loopback.
if [ ! -x /usr/bin/chromium ]; then echo "bootstrap: /usr/bin/chromium missing after install" >&2; exit 1; fi

export DOTNET_CLI_TELEMETRY_OPTOUT=1 DOTNET_NOLOGO=1 REQNROLL_TELEMETRY_ENABLED=0
dotnet restore Fixxit.Verify.sln --verbosity quiet
echo "bootstrap: ready"
