using System.Buffers.Text;
using System.Diagnostics.CodeAnalysis;
using System.Security.Cryptography;
using System.Text;

namespace Fwk.Accounts;

/// <summary>
/// An API key's text, <c>fwk_&lt;id&gt;_&lt;secret&gt;</c>: the key's id (32 hex digits, so a request finds its row by
/// primary key) and 256 random bits (base64url). Only the secret's SHA-256 hash is stored, compared in constant time.
/// </summary>
internal static class ApiKeySecret
{
    private const string Prefix = "fwk_";
    private const int IdLength = 32;
    private const int SecretBytes = 32;

    /// <summary>A new key for <paramref name="id"/>: its text (shown once) and the hash to store.</summary>
    public static (string Key, byte[] Hash) Create(Guid id)
    {
        var secret = Base64Url.EncodeToString(RandomNumberGenerator.GetBytes(SecretBytes));
        return ($"{Prefix}{id:N}_{secret}", Hash(secret));
    }

    /// <summary>The id and secret of <paramref name="key"/>, or false when it is not a key's text.</summary>
    public static bool TryParse(string key, out Guid id, [NotNullWhen(true)] out string? secret)
    {
        secret = null;
        id = Guid.Empty;
        var separator = Prefix.Length + IdLength;
        if (!key.StartsWith(Prefix, StringComparison.Ordinal) || key.Length <= separator + 1 || key[separator] != '_'
            || !Guid.TryParseExact(key.AsSpan(Prefix.Length, IdLength), "N", out id))
        {
            return false;
        }

        secret = key[(separator + 1)..];
        return true;
    }

    /// <summary>Whether <paramref name="secret"/> hashes to <paramref name="storedHash"/>, in time that does not depend on where they differ.</summary>
    public static bool Matches(string secret, byte[] storedHash) => CryptographicOperations.FixedTimeEquals(Hash(secret), storedHash);

    private static byte[] Hash(string secret) => SHA256.HashData(Encoding.UTF8.GetBytes(secret));
}
