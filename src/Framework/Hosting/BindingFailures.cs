using System.Globalization;
using System.Reflection;
using Microsoft.AspNetCore.Http;
using Microsoft.AspNetCore.Http.Json;
using Microsoft.AspNetCore.Http.Metadata;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Options;
using Microsoft.Extensions.Primitives;

namespace Fwk;

/// <summary>
/// Names the parameters whose route value, query value or header did not convert, for a request whose binding failed
/// without an exception: the request delegate generator (<c>EnableRequestDelegateGenerator</c>) answers a value that does
/// not parse by setting status 400 and running the filters with the parameter's default, never throwing, even with
/// <c>ThrowOnBadRequest</c>. Runs only on that failure path, so the reflection here costs nothing on a good request.
/// </summary>
internal static class BindingFailures
{
    /// <summary>The 1002 result naming each parameter whose value does not convert (as JSON names fields), with ASP.NET's message.</summary>
    public static ErrorResult Describe(HttpContext httpContext)
    {
        var naming = httpContext.RequestServices.GetService<IOptions<JsonOptions>>()?.Value.SerializerOptions.PropertyNamingPolicy;
        var errors = new Dictionary<string, string[]>(StringComparer.Ordinal);
        foreach (var parameter in httpContext.GetEndpoint()?.Metadata.GetOrderedMetadata<IParameterBindingMetadata>() ?? [])
        {
            if (Read(httpContext, parameter) is { } values && !Converts(parameter.ParameterInfo.ParameterType, values))
            {
                var type = TypeName(parameter.ParameterInfo.ParameterType);
                errors[naming?.ConvertName(parameter.Name) ?? parameter.Name] = [$"Failed to bind parameter \"{type} {parameter.Name}\" from \"{values}\"."];
            }
        }

        return new ErrorResult(ErrorCodes.ValidationFailed, [], errors);
    }

    // Where the value came from, as binding looks for it: [FromRoute], [FromQuery], [FromHeader], or route then query.
    // Headers are not marked HasTryParse in the metadata; their values parse all the same.
    private static StringValues? Read(HttpContext httpContext, IParameterBindingMetadata parameter)
    {
        var request = httpContext.Request;
        var name = parameter.Name;
        var attributes = parameter.ParameterInfo.GetCustomAttributes().ToArray();
        if (attributes.OfType<IFromHeaderMetadata>().FirstOrDefault() is { } header)
        {
            return Present(request.Headers[header.Name ?? name]);
        }

        if (!parameter.HasTryParse)
        {
            return null;
        }

        if (attributes.OfType<IFromQueryMetadata>().FirstOrDefault() is { } query)
        {
            return Present(request.Query[query.Name ?? name]);
        }

        var route = attributes.OfType<IFromRouteMetadata>().FirstOrDefault();
        if (request.RouteValues.TryGetValue(route?.Name ?? name, out var routeValue))
        {
            return Present(new StringValues(Convert.ToString(routeValue, CultureInfo.InvariantCulture)));
        }

        return route is null ? Present(request.Query[name]) : null;
    }

    private static StringValues? Present(StringValues values) => StringValues.IsNullOrEmpty(values) ? null : (StringValues?)values;

    private static bool Converts(Type type, StringValues values)
    {
        var elementType = type.IsArray ? type.GetElementType()! : type;
        elementType = Nullable.GetUnderlyingType(elementType) ?? elementType;
        if (!type.IsArray && values.Count > 1)
        {
            return elementType == typeof(string) || elementType == typeof(StringValues) || TryParse(elementType, values.ToString());
        }

        return values.All(value => TryParse(elementType, value));
    }

    private static bool TryParse(Type type, string? value)
    {
        if (type == typeof(string) || type == typeof(object) || type == typeof(StringValues))
        {
            return true;
        }

        if (type.IsEnum)
        {
            return Enum.TryParse(type, value, ignoreCase: true, out _);
        }

        var withProvider = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), typeof(IFormatProvider), type.MakeByRefType()]);
        if (withProvider is not null)
        {
            return (bool)withProvider.Invoke(null, [value, CultureInfo.InvariantCulture, null])!;
        }

        var plain = type.GetMethod("TryParse", BindingFlags.Public | BindingFlags.Static, [typeof(string), type.MakeByRefType()]);
        return plain is null || (bool)plain.Invoke(null, [value, null])!;
    }

    private static string TypeName(Type type) =>
        Nullable.GetUnderlyingType(type) is { } underlying ? TypeName(underlying) + "?" : type.Name switch
        {
            nameof(Int32) => "int",
            nameof(Int64) => "long",
            nameof(Boolean) => "bool",
            nameof(Decimal) => "decimal",
            nameof(Double) => "double",
            _ => type.Name,
        };
}
