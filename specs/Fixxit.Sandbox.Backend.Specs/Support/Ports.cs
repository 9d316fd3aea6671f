namespace Fixxit.Sandbox.Backend.Specs.Support;

/// <summary>This project's reserved loopback ports (18140-18149), one per fixture so fixtures never collide.</summary>
public static class Ports
{
    public const int Seeded = 18140;
    public const int Fresh = 18141;
    public const int WrongKey = 18142;
    public const int DualKey = 18143;
    public const int Frontend = 18144;
    public const int FrontendBackend = 18145;
    public const int Invitations = 18146;
    public const int Delay = 18147;
    public const int Spare = 18148;
    public const int Occupied = 18149;
}
