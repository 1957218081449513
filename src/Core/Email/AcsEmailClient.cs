using System.Globalization;
using System.Text.Json;
using Azure;
using Azure.Core;
using Azure.Core.Pipeline;

namespace Grastorp.Intake.Core.Email;

/// <summary>
/// A small client for Azure Communication Services Email (REST API 2023-03-31), shaped like the SDK's
/// <c>EmailClient</c> so it can be swapped for <c>Azure.Communication.Email</c> the day that package is served here:
/// an Azure.Core <see cref="HttpPipeline"/> with a bearer-token policy, a pure <see cref="CreateSendRequest"/>,
/// <see cref="SendAsync"/> that accepts only 202, and <see cref="GetStatusAsync"/> for the operation it started.
/// It does not retry (see <see cref="AcsEmailClientOptions"/>) and does not poll: callers decide both.
/// </summary>
public class AcsEmailClient
{
    /// <summary>The Entra token scope; the double slash is the SDK's own (ClientOptionsExtensions).</summary>
    public const string Scope = "https://communication.azure.com//.default";

    private readonly Uri _endpoint = null!;
    private readonly HttpPipeline _pipeline = null!;
    private readonly string _apiVersion = null!;

    /// <summary>For mocking.</summary>
    protected AcsEmailClient()
    {
    }

    public AcsEmailClient(Uri endpoint, TokenCredential credential, AcsEmailClientOptions? options = null)
    {
        ArgumentNullException.ThrowIfNull(endpoint);
        ArgumentNullException.ThrowIfNull(credential);
        if (!endpoint.IsAbsoluteUri || endpoint.Scheme != Uri.UriSchemeHttps)
        {
            throw new ArgumentException("The ACS endpoint must be an absolute https URI (a bearer token never travels in clear text).", nameof(endpoint));
        }

        options ??= new AcsEmailClientOptions();
        _endpoint = endpoint;
        _apiVersion = options.Version;
        _pipeline = HttpPipelineBuilder.Build(options, new BearerTokenAuthenticationPolicy(credential, Scope));
    }

    /// <summary>
    /// Builds <c>POST {endpoint}/emails:send?api-version=…</c> with the <c>Operation-Id</c> header, without sending it.
    /// The same <paramref name="operationId"/> must be used for every retry of one e-mail.
    /// </summary>
    public virtual HttpMessage CreateSendRequest(EmailMessage message, Guid operationId)
    {
        Validate(message);
        var http = _pipeline.CreateMessage();
        var request = http.Request;
        request.Method = RequestMethod.Post;
        request.Uri.Reset(_endpoint);
        request.Uri.AppendPath("/emails:send", escape: false);
        request.Uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        request.Headers.Add("Operation-Id", operationId.ToString("D"));
        request.Headers.Add("Content-Type", "application/json");
        request.Headers.Add("Accept", "application/json");
        request.Content = RequestContent.Create(JsonSerializer.SerializeToUtf8Bytes(new
        {
            senderAddress = message.SenderAddress,
            content = new { subject = message.Subject, plainText = message.PlainText, html = message.Html },
            recipients = new { to = message.To.Select(address => new { address }).ToArray() },
            // No tracking pixels or rewritten links in a police digest.
            userEngagementTrackingDisabled = true,
        }));
        return http;
    }

    /// <summary>Starts sending; 202 is the only success, anything else a <see cref="RequestFailedException"/> with the service's error code.</summary>
    public virtual async Task<EmailSendStatus> SendAsync(EmailMessage message, Guid operationId, CancellationToken cancellationToken)
    {
        using var http = CreateSendRequest(message, operationId);
        await _pipeline.SendAsync(http, cancellationToken).ConfigureAwait(false);
        var response = http.Response;
        if (response.Status != 202)
        {
            throw new RequestFailedException(response);
        }

        return ReadStatus(response, operationId.ToString("D"));
    }

    /// <summary>
    /// <c>GET</c> the operation: at its <c>Operation-Location</c> when that is on the endpoint's host (the token goes
    /// nowhere else), otherwise at <c>{endpoint}/emails/operations/{id}</c>. 200 only; otherwise a <see cref="RequestFailedException"/>.
    /// </summary>
    public virtual async Task<EmailSendStatus> GetStatusAsync(EmailSendStatus operation, CancellationToken cancellationToken)
    {
        ArgumentNullException.ThrowIfNull(operation);
        using var http = _pipeline.CreateMessage();
        http.Request.Method = RequestMethod.Get;
        if (operation.OperationLocation is { IsAbsoluteUri: true } location
            && location.Scheme == Uri.UriSchemeHttps
            && string.Equals(location.Authority, _endpoint.Authority, StringComparison.OrdinalIgnoreCase))
        {
            http.Request.Uri.Reset(location);
        }
        else
        {
            http.Request.Uri.Reset(_endpoint);
            http.Request.Uri.AppendPath("/emails/operations/", escape: false);
            http.Request.Uri.AppendPath(operation.Id, escape: true);
            http.Request.Uri.AppendQuery("api-version", _apiVersion, escapeValue: true);
        }

        http.Request.Headers.Add("Accept", "application/json");
        await _pipeline.SendAsync(http, cancellationToken).ConfigureAwait(false);
        if (http.Response.Status != 200)
        {
            throw new RequestFailedException(http.Response);
        }

        return ReadStatus(http.Response, operation.Id) with { OperationLocation = operation.OperationLocation };
    }

    private static EmailSendStatus ReadStatus(Response response, string fallbackId)
    {
        using var json = JsonDocument.Parse(response.Content.ToMemory().Length == 0 ? BinaryData.FromString("{}") : response.Content);
        var root = json.RootElement;
        var id = root.TryGetProperty("id", out var idValue) && idValue.GetString() is { Length: > 0 } read ? read : fallbackId;
        var status = root.TryGetProperty("status", out var statusValue) ? statusValue.GetString() ?? "Unknown" : "Unknown";
        string? code = null, text = null;
        if (root.TryGetProperty("error", out var error) && error.ValueKind == JsonValueKind.Object)
        {
            code = error.TryGetProperty("code", out var c) ? c.GetString() : null;
            text = error.TryGetProperty("message", out var m) ? m.GetString() : null;
        }

        Uri? location = response.Headers.TryGetValue("Operation-Location", out var header) && Uri.TryCreate(header, UriKind.Absolute, out var parsed) ? parsed : null;
        return new EmailSendStatus(id, status, location, RetryAfter(response), code, text);
    }

    /// <summary><c>retry-after-ms</c>, else <c>retry-after</c> in seconds or as an HTTP date; null when absent.</summary>
    public static TimeSpan? RetryAfter(Response response)
    {
        ArgumentNullException.ThrowIfNull(response);
        if (response.Headers.TryGetValue("retry-after-ms", out var ms) && int.TryParse(ms, NumberStyles.None, CultureInfo.InvariantCulture, out var milliseconds))
        {
            return TimeSpan.FromMilliseconds(milliseconds);
        }

        if (response.Headers.TryGetValue("Retry-After", out var value))
        {
            if (int.TryParse(value, NumberStyles.None, CultureInfo.InvariantCulture, out var seconds))
            {
                return TimeSpan.FromSeconds(seconds);
            }

            if (DateTimeOffset.TryParse(value, CultureInfo.InvariantCulture, DateTimeStyles.AssumeUniversal, out var at) && response.Headers.Date is { } now)
            {
                return at > now ? at - now : TimeSpan.Zero;
            }
        }

        return null;
    }

    private static void Validate(EmailMessage message)
    {
        ArgumentNullException.ThrowIfNull(message);
        if (string.IsNullOrWhiteSpace(message.SenderAddress) || string.IsNullOrWhiteSpace(message.Subject) || message.To.Count == 0)
        {
            throw new ArgumentException("An e-mail needs a sender address, a subject and at least one recipient.", nameof(message));
        }
    }
}
