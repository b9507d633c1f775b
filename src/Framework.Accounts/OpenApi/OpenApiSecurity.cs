using Microsoft.AspNetCore.Authorization;
using Microsoft.AspNetCore.OpenApi;
using Microsoft.OpenApi;

namespace Fwk.Accounts;

/// <summary>
/// Declares the accounts' credentials in every OpenAPI document of the project: the security schemes (<c>bearer</c>, a JWT
/// in <c>Authorization</c>; <c>apiKey</c>, the <c>X-Api-Key</c> header; in cookie mode <c>cookie</c>, the session cookie),
/// and on each route that needs authorization (<c>RequireAuth</c>, <c>RequireRole</c>, <c>RequirePermission</c> or ASP.NET's
/// <c>RequireAuthorization</c>, not opened again by <c>AllowAnonymous</c>) those schemes as alternatives, and its 401 and 403
/// answers in the error envelope with their codes (403 on every such route: a missing role or permission, an API key on a
/// route that manages the account, a handler's own refusal). Other routes keep <c>security: []</c> (Fwk's default).
/// </summary>
internal sealed class OpenApiSecurity(AccountSettings settings) : IOpenApiDocumentTransformer, IOpenApiOperationTransformer
{
    private const string Bearer = "bearer";
    private const string ApiKey = "apiKey";
    private const string Cookie = "cookie";

    public Task TransformAsync(OpenApiDocument document, OpenApiDocumentTransformerContext context, CancellationToken cancellationToken)
    {
        document.Components ??= new OpenApiComponents();
        document.Components.SecuritySchemes ??= new Dictionary<string, IOpenApiSecurityScheme>(StringComparer.Ordinal);
        var schemes = document.Components.SecuritySchemes;
        schemes[Bearer] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.Http,
            Scheme = "bearer",
            BearerFormat = "JWT",
            Description = "An access token from POST /auth/login or /auth/refresh.",
        };
        schemes[ApiKey] = new OpenApiSecurityScheme
        {
            Type = SecuritySchemeType.ApiKey,
            In = ParameterLocation.Header,
            Name = AccountSchemes.ApiKeyHeader,
            Description = "An API key from POST /auth/api-keys; its scopes are its permissions.",
        };
        if (settings.Cookie)
        {
            schemes[Cookie] = new OpenApiSecurityScheme
            {
                Type = SecuritySchemeType.ApiKey,
                In = ParameterLocation.Cookie,
                Name = SessionCookieBuilder.CookieName,
                Description = "The session cookie POST /auth/login sets; requests that change state also send X-Fwk-Csrf.",
            };
        }

        return Task.CompletedTask;
    }

    public Task TransformAsync(OpenApiOperation operation, OpenApiOperationTransformerContext context, CancellationToken cancellationToken)
    {
        var metadata = context.Description.ActionDescriptor.EndpointMetadata;
        var protectedRoute = metadata.Any(m => m is IAuthorizeData or AuthorizationPolicy) && !metadata.OfType<IAllowAnonymous>().Any();
        if (!protectedRoute)
        {
            return Task.CompletedTask;
        }

        string[] names = settings.Cookie ? [Bearer, ApiKey, Cookie] : [Bearer, ApiKey];
        operation.Security = [.. names.Select(name => new OpenApiSecurityRequirement { [new OpenApiSecuritySchemeReference(name, context.Document)] = [] })];

        operation.Responses ??= [];
        var envelope = operation.Responses.GetValueOrDefault("500")?.Content;
        operation.Responses.TryAdd("401", new OpenApiResponse { Description = $"{AccountErrorCodes.Unauthenticated} {AccountErrorCodes.UnauthenticatedMessage}", Content = envelope });
        operation.Responses.TryAdd("403", new OpenApiResponse { Description = $"{AccountErrorCodes.Forbidden} {AccountErrorCodes.ForbiddenMessage}", Content = envelope });
        return Task.CompletedTask;
    }
}
