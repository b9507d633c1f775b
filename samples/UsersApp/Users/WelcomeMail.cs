namespace Sample.Users;

/// <summary>The job a new user's creation enqueues: send them the welcome mail (the address is the user's unique key).</summary>
public sealed record WelcomeMail(string Email);
