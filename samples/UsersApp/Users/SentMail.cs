namespace Sample.Users;

/// <summary>
/// A mail the welcome job sent, written through the job's session: it commits with the job's completion, so there is
/// exactly one per user even when a crash makes the job run again.
/// </summary>
public sealed class SentMail
{
    public int Id { get; set; }

    public int UserId { get; set; }

    public required string Subject { get; set; }

    public DateTime SentAt { get; set; }
}
