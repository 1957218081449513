using System.Net;
using Microsoft.AspNetCore.Mvc.Testing;

namespace Grastorp.Intake.DevHost.Tests;

/// <summary>Strict-Transport-Security on answers to HTTPS requests (as the front end forwards them, or direct), never over HTTP.</summary>
public sealed class TransportSecurityTests : IAsyncDisposable
{
    private readonly DevHostFactory _host = new();

    private static CancellationToken Cancel => TestContext.Current.CancellationToken;

    [Theory]
    [InlineData("/")]
    [InlineData("/api/tips/AAAAAAAAAA")]
    [InlineData("/status/AAAAAAAAAA")]
    public async Task An_answer_to_a_request_the_front_end_took_over_https_carries_hsts(string path)
    {
        using var request = new HttpRequestMessage(HttpMethod.Get, path);
        request.Headers.Add("X-Forwarded-Proto", "https");

        using var response = await _host.CreateClient().SendAsync(request, Cancel);

        Assert.True(response.StatusCode is HttpStatusCode.OK or HttpStatusCode.NotFound, $"{path}: {response.StatusCode}");
        Assert.Equal("max-age=31536000", Assert.Single(response.Headers.GetValues("Strict-Transport-Security")));
    }

    [Fact]
    public async Task An_answer_over_https_carries_hsts_and_one_over_plain_http_does_not()
    {
        using var secure = await _host.CreateClient(new WebApplicationFactoryClientOptions { BaseAddress = new Uri("https://localhost") }).GetAsync("/", Cancel);
        using var plain = await _host.CreateClient().GetAsync("/", Cancel);

        Assert.Equal("max-age=31536000", Assert.Single(secure.Headers.GetValues("Strict-Transport-Security")));
        Assert.False(plain.Headers.Contains("Strict-Transport-Security"));
    }

    public async ValueTask DisposeAsync() => await _host.DisposeAsync();
}
