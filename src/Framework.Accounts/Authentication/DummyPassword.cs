using System.Security.Cryptography;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>
/// A hash of a random password no one knows, verified when a login names no account (or a locked one), so that such a login
/// costs the same hashing time as a wrong password and timing does not tell which accounts exist.
/// </summary>
internal sealed class DummyPassword
{
    private static readonly AccountUser Nobody = new();
    private string? _hash;

    public void Verify(IPasswordHasher<AccountUser> hasher, string? password)
    {
        // Made with the first hasher, so its cost (iterations) is the real hasher's; a race only hashes twice.
        _hash ??= hasher.HashPassword(Nobody, Convert.ToBase64String(RandomNumberGenerator.GetBytes(32)));
        hasher.VerifyHashedPassword(Nobody, _hash, password ?? string.Empty);
    }
}
