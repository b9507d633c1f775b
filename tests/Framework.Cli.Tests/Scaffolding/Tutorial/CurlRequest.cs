using System.Net.Http.Headers;
using System.Text;

namespace Fwk.Cli.Tests.Tutorial;

/// <summary>
/// A README <c>curl -i</c> line sent with <see cref="HttpClient"/> to the running project (only the path and query of its URL
/// are kept), and its answer checked against the lines the README shows under it: the status line, the headers shown
/// (<c>Name: value</c>), and the body (a line starting with <c>{</c>), exactly.
/// </summary>
public sealed class CurlRequest
{
    private HttpMethod _method = HttpMethod.Get;
    private string? _body;
    private string? _contentType;
    private string _pathAndQuery = "/";

    public static CurlRequest Parse(IReadOnlyList<string> words)
    {
        var request = new CurlRequest();
        var methodGiven = false;
        for (var i = 1; i < words.Count; i++)
        {
            switch (words[i])
            {
                case "-i":
                    break;
                case "-X":
                    request._method = new HttpMethod(words[++i]);
                    methodGiven = true;
                    break;
                case "-H" when words[i + 1].Split(':', 2) is [var name, var value] && name.Equals("content-type", StringComparison.OrdinalIgnoreCase):
                    request._contentType = value.Trim();
                    i++;
                    break;
                case "-d":
                    request._body = words[++i];
                    request._method = methodGiven ? request._method : HttpMethod.Post;
                    break;
                case var url when !url.StartsWith('-'):
                    request._pathAndQuery = new Uri(url.Contains("://", StringComparison.Ordinal) ? url : "http://" + url).PathAndQuery;
                    break;
                default:
                    throw new FormatException($"The tutorial test does not know curl's {words[i]}: {string.Join(' ', words)}");
            }
        }

        return request;
    }

    /// <summary>Sends the request; returns null when the answer is what <paramref name="shown"/> says, else what differs.</summary>
    public async Task<string?> SendAndCompareAsync(HttpClient http, IEnumerable<string> shown)
    {
        using var message = new HttpRequestMessage(_method, new Uri(_pathAndQuery, UriKind.Relative));
        if (_body is not null)
        {
            message.Content = new StringContent(_body, Encoding.UTF8);
            message.Content.Headers.ContentType = MediaTypeHeaderValue.Parse(_contentType ?? "application/x-www-form-urlencoded");
        }

        using var response = await http.SendAsync(message);
        var body = await response.Content.ReadAsStringAsync();
        var status = $"HTTP/1.1 {(int)response.StatusCode} {response.ReasonPhrase}";
        var answer = $"{status}\n{response.Headers}{response.Content.Headers}\n{body}";
        foreach (var line in shown)
        {
            var matches = line switch
            {
                _ when line.StartsWith("HTTP/", StringComparison.Ordinal) => line == status,
                _ when line.StartsWith('{') => line == body,
                _ when line.Split(": ", 2) is [var name, var value] => response.Headers.TryGetValues(name, out var values) && values.Contains(value)
                    || response.Content.Headers.TryGetValues(name, out var contentValues) && contentValues.Contains(value),
                _ => false,
            };
            if (!matches)
            {
                return $"The README shows \"{line}\"; the answer was:\n{answer}";
            }
        }

        return null;
    }
}
