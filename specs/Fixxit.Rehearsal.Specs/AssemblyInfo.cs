// The rehearsal host (namespaces, /proc) exists on Linux only; so do its specs.
[assembly: System.Runtime.Versioning.SupportedOSPlatform("linux")]
