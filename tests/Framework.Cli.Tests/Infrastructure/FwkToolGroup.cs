namespace Fwk.Cli.Tests.Infrastructure;

/// <summary>The tests that use the installed fwk tool share one pack + install and one Demo project, and run one at a time.</summary>
[CollectionDefinition(Name)]
public sealed class FwkToolGroup : ICollectionFixture<FwkToolFixture>
{
    public const string Name = "fwk tool";
}
