namespace Fwk.Db;

/// <summary>The events the database helper raises, besides the framework's own (<see cref="Events"/>).</summary>
public static class DbEvents
{
    /// <summary>
    /// Before a session with changes is saved (on success_response, and after an app's init), once per session, in bind
    /// order. The argument is the <see cref="Session"/> about to be saved; handlers may change it, or add rows to a
    /// session of a later bind, which is then saved too (an audit log in its own database, say). A failure answers with
    /// an error envelope and nothing is saved.
    /// </summary>
    public const string Saving = "session_saving";
}
