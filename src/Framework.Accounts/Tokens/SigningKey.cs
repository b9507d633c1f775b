using System.Text;
using Microsoft.IdentityModel.Tokens;

namespace Fwk.Accounts;

/// <summary>
/// The HS256 key access tokens are signed and checked with, read once from the environment variable <c>[auth]
/// signing_key_env</c> names. Its value is never logged or shown; errors name the variable only.
/// </summary>
internal sealed class SigningKey
{
    /// <summary>HS256 needs a key at least as long as its hash: 256 bits.</summary>
    public const int MinimumBytes = 32;

    private SigningKey(byte[] key)
    {
        Key = new SymmetricSecurityKey(key);
        Credentials = new SigningCredentials(Key, SecurityAlgorithms.HmacSha256);
    }

    public SymmetricSecurityKey Key { get; }

    public SigningCredentials Credentials { get; }

    public static SigningKey Read(AccountSettings settings)
    {
        var name = settings.SigningKeyVariable;
        var value = Environment.GetEnvironmentVariable(name);
        if (string.IsNullOrWhiteSpace(value))
        {
            throw new ConfigurationException(
                $"The access-token signing key is missing: set environment variable {name} (named by [auth] signing_key_env) to a random secret of at least {MinimumBytes} bytes, e.g. `openssl rand -base64 48`.");
        }

        var key = Encoding.UTF8.GetBytes(value);
        return key.Length >= MinimumBytes
            ? new SigningKey(key)
            : throw new ConfigurationException(
                $"The access-token signing key in environment variable {name} is {key.Length} bytes; it needs at least {MinimumBytes} (e.g. `openssl rand -base64 48`).");
    }
}
