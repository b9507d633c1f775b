namespace Fwk.Db;

/// <summary>
/// Per request (DI scope): the session, once something asked for it. Lets the save hook know whether a session
/// exists without creating one, so requests that never touch the database never rent a context.
/// </summary>
internal sealed class SessionSlot
{
    public Session? Session { get; set; }
}
