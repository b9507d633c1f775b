using Microsoft.EntityFrameworkCore;

namespace Fwk.Db.Tests.Errors;

/// <summary>Which failures count as the database being unavailable (1009, 503) rather than a server error.</summary>
public sealed class DatabaseExceptionHandlerTests
{
    [Fact]
    public void Classify_WhenTheDriverFailsInsideASave_AnswersUnavailable()
    {
        var failure = new DbUpdateException("saving", new InvalidOperationException { Source = "Npgsql" });

        Assert.Equal(ErrorCodes.DatabaseUnavailable, DatabaseExceptionHandler.Classify(failure));
    }

    [Fact]
    public void Classify_WhenOtherCodeFailsInsideASave_LeavesItToTheCatchAll()
    {
        var failure = new DbUpdateException("saving", new InvalidOperationException { Source = "Sample" });

        Assert.Null(DatabaseExceptionHandler.Classify(failure));
    }
}
