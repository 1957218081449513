using System.Collections.Concurrent;
using System.Net;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using Azure.Core.Pipeline;
using Microsoft.AspNetCore.Builder;
using Microsoft.AspNetCore.Hosting;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;

namespace Grastorp.Intake.Core.Tests.Email;

/// <summary>
/// Plays the ACS Email REST contract (2023-03-31) on a real Kestrel listener, 127.0.0.1 and a free port, over
/// HTTPS with a certificate made for the test (Azure.Core refuses to send a bearer token over plain HTTP).
/// Each POST and GET takes the next scripted reply; when the script runs out, a POST is accepted (202) and a GET
/// reports Succeeded. Every request is kept, headers and body, for the assertions.
/// </summary>
internal sealed class FakeAcsService : IAsyncDisposable
{
    private readonly WebApplication _app;
    private readonly X509Certificate2 _certificate;

    private FakeAcsService(WebApplication app, X509Certificate2 certificate, Uri endpoint)
    {
        _app = app;
        _certificate = certificate;
        Endpoint = endpoint;
    }

    public Uri Endpoint { get; }

    public ConcurrentQueue<Reply> Posts { get; } = new();

    public ConcurrentQueue<Reply> Polls { get; } = new();

    public ConcurrentQueue<Received> Requests { get; } = new();

    /// <summary>A transport that trusts this service's certificate and no other.</summary>
    public HttpClientTransport Transport => new(new HttpClient(new HttpClientHandler
    {
        ServerCertificateCustomValidationCallback = (_, certificate, _, _) => certificate?.Thumbprint == _certificate.Thumbprint,
    }));

    public static async Task<FakeAcsService> StartAsync()
    {
        var certificate = Certificate();
        var builder = WebApplication.CreateSlimBuilder();
        builder.Logging.ClearProviders();
        builder.WebHost.ConfigureKestrel(kestrel => kestrel.Listen(IPAddress.Loopback, 0, listen => listen.UseHttps(certificate)));
        var app = builder.Build();
        FakeAcsService? service = null;
        app.Run(context => service!.HandleAsync(context));
        await app.StartAsync();
        var address = app.Services.GetRequiredService<IServer>().Features.Get<IServerAddressesFeature>()!.Addresses.Single();
        service = new FakeAcsService(app, certificate, new Uri(address));
        return service;
    }

    private async Task HandleAsync(HttpContext context)
    {
        using var reader = new StreamReader(context.Request.Body);
        var body = await reader.ReadToEndAsync();
        var request = context.Request;
        Requests.Enqueue(new Received(
            request.Method, request.Path + request.QueryString, request.Headers.Authorization.ToString(), request.Headers["Operation-Id"].ToString(), body));

        var isPost = HttpMethods.IsPost(request.Method) && request.Path == "/emails:send";
        var isPoll = HttpMethods.IsGet(request.Method) && request.Path.StartsWithSegments("/emails/operations");
        if (!isPost && !isPoll)
        {
            context.Response.StatusCode = 404;
            return;
        }

        var operationId = isPost ? request.Headers["Operation-Id"].ToString() : request.Path.Value!.Split('/')[^1];
        var reply = (isPost ? Posts : Polls).TryDequeue(out var scripted)
            ? scripted
            : isPost ? Reply.Accepted("Running") : Reply.Status("Succeeded");
        context.Response.StatusCode = reply.StatusCode;
        foreach (var (name, value) in reply.Headers)
        {
            context.Response.Headers[name] = value;
        }

        if (reply.StatusCode == 202)
        {
            context.Response.Headers["Operation-Location"] = new Uri(Endpoint, $"/emails/operations/{operationId}?api-version=2023-03-31").AbsoluteUri;
        }

        context.Response.ContentType = "application/json";
        await context.Response.WriteAsync(reply.Body.Replace("{id}", operationId, StringComparison.Ordinal));
    }

    private static X509Certificate2 Certificate()
    {
        using var key = RSA.Create(2048);
        var request = new CertificateRequest("CN=127.0.0.1", key, HashAlgorithmName.SHA256, RSASignaturePadding.Pkcs1);
        var names = new SubjectAlternativeNameBuilder();
        names.AddIpAddress(IPAddress.Loopback);
        request.CertificateExtensions.Add(names.Build());
        using var created = request.CreateSelfSigned(TimeProvider.System.GetUtcNow().AddDays(-1), TimeProvider.System.GetUtcNow().AddDays(1));
        // Kestrel on Linux needs the key in a form it can hand to OpenSSL: round-trip through PKCS#12.
        return X509CertificateLoader.LoadPkcs12(created.Export(X509ContentType.Pfx), null);
    }

    public async ValueTask DisposeAsync()
    {
        await _app.StopAsync();
        await _app.DisposeAsync();
        _certificate.Dispose();
    }

    /// <summary>A scripted reply.</summary>
    internal sealed record Reply(int StatusCode, string Body, IReadOnlyDictionary<string, string> Headers)
    {
        public static Reply Accepted(string status, int? retryAfter = null) =>
            new(202, $$"""{"id":"{id}","status":"{{status}}"}""", RetryAfter(retryAfter));

        public static Reply Status(string status, int? retryAfter = null, string? errorCode = null) =>
            new(200, errorCode is null
                ? $$"""{"id":"{id}","status":"{{status}}"}"""
                : $$$"""{"id":"{id}","status":"{{{status}}}","error":{"code":"{{{errorCode}}}","message":"The e-mail was dropped."}}""", RetryAfter(retryAfter));

        public static Reply Error(int statusCode, string code, int? retryAfter = null) =>
            new(statusCode, $$$"""{"error":{"code":"{{{code}}}","message":"Scripted {{{statusCode}}}."}}""",
                new Dictionary<string, string>(RetryAfter(retryAfter)) { ["x-ms-error-code"] = code });

        private static Dictionary<string, string> RetryAfter(int? seconds) =>
            seconds is { } s ? new Dictionary<string, string> { ["retry-after"] = s.ToString(System.Globalization.CultureInfo.InvariantCulture) } : [];
    }

    /// <summary>A request as the service saw it.</summary>
    internal sealed record Received(string Method, string PathAndQuery, string Authorization, string OperationId, string Body);
}
