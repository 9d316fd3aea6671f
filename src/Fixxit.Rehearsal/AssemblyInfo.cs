// Namespaces, bind mounts, /proc and sshd: the rehearsal host exists on Linux only.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
