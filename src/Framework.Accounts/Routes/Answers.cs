using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Identity;

namespace Fwk.Accounts;

/// <summary>The error answers the account routes share.</summary>
internal static class Answers
{
    /// <summary>A 401 of <paramref name="code"/> with <c>WWW-Authenticate: Bearer</c>, as every 401 must have (RFC 9110).</summary>
    public static IResult Unauthorized(HttpContext http, int code)
    {
        http.Response.Headers.WWWAuthenticate = "Bearer";
        return Respond.Error(code);
    }

    /// <summary>1002 naming each field of <paramref name="fields"/> that is empty, or null when all are given.</summary>
    public static IResult? Missing(params (string Field, string? Value)[] fields)
    {
        var missing = fields.Where(f => string.IsNullOrEmpty(f.Value)).ToDictionary(f => f.Field, f => new[] { $"The {f.Field} field is required." }, StringComparer.Ordinal);
        return missing.Count == 0 ? null : Respond.ErrorWithData(ErrorCodes.ValidationFailed, missing);
    }

    /// <summary>
    /// What Identity refused: a duplicate email is <see cref="AccountErrorCodes.EmailTaken"/>; a password the policy rejects
    /// is 1002 on <paramref name="passwordField"/>, a malformed email 1002 on <c>email</c>.
    /// </summary>
    public static IResult Refused(IdentityResult result, string passwordField)
    {
        if (result.Errors.Any(e => e.Code is nameof(IdentityErrorDescriber.DuplicateEmail) or nameof(IdentityErrorDescriber.DuplicateUserName)))
        {
            return Respond.Error(AccountErrorCodes.EmailTaken);
        }

        var fields = result.Errors
            .GroupBy(e => e.Code.StartsWith("Password", StringComparison.Ordinal) ? passwordField : "email", StringComparer.Ordinal)
            .ToDictionary(g => g.Key, g => g.Select(e => e.Description).Distinct(StringComparer.Ordinal).ToArray(), StringComparer.Ordinal);
        return Respond.ErrorWithData(ErrorCodes.ValidationFailed, fields);
    }
}
