namespace Fwk;

/// <summary>
/// Thrown at startup when config.ini (or an override) is malformed or holds an invalid value.
/// The message names the file, line, section, key and value; it never contains a secret.
/// </summary>
public sealed class ConfigurationException : Exception
{
    /// <summary>Creates the exception with a message that says where and what is wrong.</summary>
    public ConfigurationException(string message)
        : base(message)
    {
    }
}
