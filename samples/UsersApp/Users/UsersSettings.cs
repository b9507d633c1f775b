namespace Sample.Users;

/// <summary>The users app's section of config.ini: <c>[users] welcome_mail</c> (default true) sends new users a welcome mail.</summary>
public sealed record UsersSettings(bool WelcomeMail)
{
    public static UsersSettings Read(IConfiguration configuration) => new(configuration.GetValue("users:welcome_mail", true));
}
