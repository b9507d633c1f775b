using System.Text;

namespace Fwk.Cli;

/// <summary>Project and app names: validation and the derived spellings (database name, URL path).</summary>
internal static class Names
{
    private static readonly HashSet<string> Keywords = new(StringComparer.Ordinal)
    {
        "abstract", "as", "base", "bool", "break", "byte", "case", "catch", "char", "checked", "class", "const",
        "continue", "decimal", "default", "delegate", "do", "double", "else", "enum", "event", "explicit", "extern",
        "false", "finally", "fixed", "float", "for", "foreach", "goto", "if", "implicit", "in", "int", "interface",
        "internal", "is", "lock", "long", "namespace", "new", "null", "object", "operator", "out", "override", "params",
        "private", "protected", "public", "readonly", "ref", "return", "sbyte", "sealed", "short", "sizeof", "stackalloc",
        "static", "string", "struct", "switch", "this", "throw", "true", "try", "typeof", "uint", "ulong", "unchecked",
        "unsafe", "ushort", "using", "virtual", "void", "volatile", "while",
    };

    // Types a CRUD app's code names unqualified: a model called so would hide them.
    private static readonly HashSet<string> TemplateTypes = new(StringComparer.Ordinal) { "Task", "Session", "ReadSession", "Page", "Respond", "Program" };

    // Plural endings that add "es" (boxes, churches), and "s" endings that are not plurals (class, status, analysis).
    private static readonly string[] EsPlurals = ["sses", "xes", "zes", "ches", "shes"];
    private static readonly string[] NotPlurals = ["ss", "us", "is"];

    // Names that would shadow the namespaces a project's code uses.
    private static readonly HashSet<string> Reserved = new(StringComparer.OrdinalIgnoreCase) { "Fwk", "System", "Microsoft" };

    /// <summary>
    /// Null when <paramref name="name"/> can name a project or an app (an ASCII C# identifier that is not a keyword and
    /// does not shadow Fwk, System or Microsoft); otherwise why not, for a <paramref name="what"/> ("project", "app").
    /// </summary>
    public static string? Problem(string? name, string what)
    {
        if (string.IsNullOrEmpty(name))
        {
            return $"The {what} name must not be empty.";
        }

        var valid = (char.IsAsciiLetter(name[0]) || name[0] == '_') && name.All(c => char.IsAsciiLetterOrDigit(c) || c == '_');
        if (!valid || Keywords.Contains(name))
        {
            return $"Invalid {what} name '{name}': use a C# identifier (ASCII letters, digits and _, not starting with a digit, not a keyword), e.g. MyShop.";
        }

        return Reserved.Contains(name) ? $"Invalid {what} name '{name}': it would hide the {name} namespace; choose another." : null;
    }

    /// <summary>snake_case: <c>MyShop</c> → <c>my_shop</c>, <c>HTTPServer</c> → <c>http_server</c>.</summary>
    public static string SnakeCase(string name) => Split(name, '_');

    /// <summary>The URL path of a new app: <c>Blog</c> → <c>/blog</c>, <c>BlogPosts</c> → <c>/blog-posts</c>.</summary>
    public static string RoutePath(string name) => "/" + Split(name, '-').Trim('-');

    /// <summary>
    /// The model of a CRUD app: the singular of a plural name (<c>Owners</c> → <c>Owner</c>, <c>Categories</c> →
    /// <c>Category</c>, <c>Boxes</c> → <c>Box</c>); NAME + <c>Item</c> when the name is not an English plural or its singular
    /// would hide a type the app's code uses or the project's namespace <paramref name="rootNamespace"/>.
    /// </summary>
    public static string Model(string name, string rootNamespace)
    {
        string? singular = name switch
        {
            _ when name.EndsWith("ies", StringComparison.Ordinal) => name[..^3] + "y",
            _ when EsPlurals.Any(e => name.EndsWith(e, StringComparison.Ordinal)) => name[..^2],
            _ when name.EndsWith('s') && !NotPlurals.Any(e => name.EndsWith(e, StringComparison.Ordinal)) => name[..^1],
            _ => null,
        };
        var usable = singular is { Length: > 1 } && char.IsAsciiLetter(singular[0]) && !Keywords.Contains(singular)
            && !TemplateTypes.Contains(singular) && singular != rootNamespace;
        return usable ? singular! : name + "Item";
    }

    private static string Split(string name, char separator)
    {
        var result = new StringBuilder(name.Length + 4);
        for (var i = 0; i < name.Length; i++)
        {
            var c = name[i];
            if (c == '_')
            {
                result.Append(separator);
                continue;
            }

            var boundary = i > 0 && char.IsUpper(c)
                && (char.IsLower(name[i - 1]) || char.IsDigit(name[i - 1]) || (i + 1 < name.Length && char.IsLower(name[i + 1]) && char.IsUpper(name[i - 1])));
            if (boundary && result.Length > 0 && result[^1] != separator)
            {
                result.Append(separator);
            }

            result.Append(char.ToLowerInvariant(c));
        }

        return result.ToString();
    }
}
