namespace Fwk.Db.Tests.Schema.Migrations;

public sealed class MigrationWriterTests
{
    [Theory]
    [InlineData("add phone to users", "AddPhoneToUsers")]
    [InlineData("cars_owners", "CarsOwners")]
    [InlineData("add-color to cars!", "AddColorToCars")]
    [InlineData("2nd try", "M2ndTry")]
    [InlineData(" _- ", "Migration")]
    public void MigrationName_FromAMessage_IsItsWordsInPascalCase(string message, string expected) =>
        Assert.Equal(expected, MigrationWriter.MigrationName(message));
}
