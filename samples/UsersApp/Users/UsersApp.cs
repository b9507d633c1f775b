using Fwk;
using Fwk.Accounts;
using Fwk.Db;
using Fwk.Jobs;
using Microsoft.EntityFrameworkCore;

namespace Sample.Users;

/// <summary>
/// Users: CRUD on <c>/users</c> (DELETE needs an access token: see <see cref="UserHandlers.DeleteAsync"/>), error 1101 for a
/// missing user, and two seed users for <c>init_project</c>.
/// </summary>
public sealed class UsersApp : IApp
{
    public void ConfigureServices(IServiceCollection services, IConfiguration configuration) =>
        services.AddSingleton<MailSender>().AddSingleton(UsersSettings.Read(configuration));

    /// <summary>Answered with 404 when a user id does not exist.</summary>
    public const int UserNotFound = 1101;

    /// <summary>The role whose accounts may delete any user.</summary>
    public const string AdminRole = "admin";

    public void Configure(AppBuilder app)
    {
        app.Models.Add<UserConfiguration>().Add<SentMailConfiguration>();
        app.Errors.Add(UserNotFound, "User '{0}' does not exist", StatusCodes.Status404NotFound);
        app.Init(SeedAsync);
        app.Settings.Declare("users", "welcome_mail").Declare("mail", "delay_ms");
        app.Jobs.Handle<WelcomeMail>(SendWelcomeAsync);

        var users = app.Routes.MapGroup("/users").WithTags("users");
        users.MapGet("", UserHandlers.ListAsync);
        users.MapPost("", UserHandlers.CreateAsync);
        users.MapGet("/{id:int}", UserHandlers.GetAsync);
        users.MapPut("/{id:int}", UserHandlers.ReplaceAsync);
        users.MapPatch("/{id:int}", UserHandlers.UpdateAsync);
        users.MapDelete("/{id:int}", UserHandlers.DeleteAsync).RequireAuth();
    }

    // A job: runs after the user's creation committed, on any instance, retried if the sender fails. The sent_mails row is
    // saved with the job's completion (exactly once); the mail itself may go twice after a crash (at least once).
    private static async Task SendWelcomeAsync(WelcomeMail mail, Session db, MailSender sender, CancellationToken cancellationToken)
    {
        var user = await db.Set<User>().SingleOrDefaultAsync(u => u.Email == mail.Email, cancellationToken)
            ?? throw new FwkException(UserNotFound, mail.Email);
        var subject = $"Welcome, {user.Name}!";
        await sender.SendAsync(user.Email, subject, cancellationToken);
        db.Add(new SentMail { UserId = user.Id, Subject = subject, SentAt = DateTime.UtcNow });
    }

    private static async Task SeedAsync(Session db, CancellationToken cancellationToken)
    {
        if (!await db.Set<User>().AnyAsync(cancellationToken))
        {
            db.Set<User>().AddRange(
                new User { Name = "Ada Lovelace", Email = "ada@example.com" },
                new User { Name = "Alan Turing", Email = "alan@example.com" });
        }
    }
}
