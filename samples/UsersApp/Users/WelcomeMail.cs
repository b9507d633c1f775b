namespace Sample.Users;

/// <summary>The job a new user's creation enqueues: send them the welcome mail.</summary>
public sealed record WelcomeMail(int UserId);
