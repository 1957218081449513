using System.Collections.Concurrent;
using System.Text.Json;
using Azure;
using Azure.Core;
using Grastorp.Intake.Core.Calendar;
using Grastorp.Intake.Core.Digest.Delivery;
using Grastorp.Intake.Core.Digest.Message;
using Grastorp.Intake.Core.Digest.Settings;
using Grastorp.Intake.Core.Email;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging.Abstractions;
using Microsoft.Extensions.Options;
using Polly;
using Polly.Registry;
using static Grastorp.Intake.Core.Tests.Email.FakeAcsService;

namespace Grastorp.Intake.Core.Tests.Email;

/// <summary>The ACS transport (client, delivery pipeline, polling) against a local listener playing the documented contract.</summary>
public sealed class AcsEmailClientTests : IAsyncDisposable
{
    private readonly FakeCredential _credential = new();
    private FakeAcsService? _service;
    private ServiceProvider? _pipelines;

    private static CancellationToken Token => TestContext.Current.CancellationToken;

    private static readonly DigestMessage Message = new(
        "digest-2026-W48-kommunpolis",
        DigestOperationId.For(new WeekId(2026, 48), "kommunpolis"),
        new DateTimeOffset(2026, 11, 30, 6, 0, 0, TimeSpan.Zero),
        "DoNotReply@grastorp.example",
        ["kommunpolis@example.se"],
        "Trygghetstips v. 48 (23–29 nov): 1 nya – Grästorp 1",
        "Text med åäö",
        "<p>HTML med åäö</p>");

    private async Task<(FakeAcsService Service, AcsDigestSender Sender)> StartAsync()
    {
        _service = await FakeAcsService.StartAsync();
        var delivery = new DigestDeliveryOptions { RetryDelay = TimeSpan.FromMilliseconds(50) };
        var services = new ServiceCollection().AddSingleton(TimeProvider.System);
        services.AddResiliencePipeline(DigestDeliveryPipeline.Key, builder => DigestDeliveryPipeline.Configure(builder, delivery));
        _pipelines = services.BuildServiceProvider();
        var client = new AcsEmailClient(_service.Endpoint, _credential, new AcsEmailClientOptions { Transport = _service.Transport });
        var sender = new AcsDigestSender(
            client,
            Options.Create(new DigestOptions { Delivery = delivery }),
            _pipelines.GetRequiredService<ResiliencePipelineProvider<string>>(),
            TimeProvider.System,
            NullLogger<AcsDigestSender>.Instance);
        return (_service, sender);
    }

    private List<Received> Posts => [.. _service!.Requests.Where(r => r.Method == "POST")];

    [Fact]
    public async Task A_send_is_accepted_then_polled_at_the_operation_location_until_it_succeeds()
    {
        var (service, sender) = await StartAsync();
        service.Posts.Enqueue(Reply.Accepted("NotStarted", retryAfter: 1));
        service.Polls.Enqueue(Reply.Status("Running", retryAfter: 1));
        service.Polls.Enqueue(Reply.Status("Succeeded"));

        await sender.SendAsync(Message, Token);

        var requests = service.Requests.ToList();
        Assert.Equal(["POST /emails:send?api-version=2023-03-31", $"GET /emails/operations/{Message.OperationId:D}?api-version=2023-03-31", $"GET /emails/operations/{Message.OperationId:D}?api-version=2023-03-31"],
            requests.Select(r => $"{r.Method} {r.PathAndQuery}"));
        Assert.All(requests, r => Assert.Equal("Bearer fake-token", r.Authorization));
        Assert.Equal(Message.OperationId.ToString("D"), requests[0].OperationId);
        Assert.Equal(["https://communication.azure.com//.default"], _credential.Scopes.Distinct());

        using var body = JsonDocument.Parse(requests[0].Body);
        var root = body.RootElement;
        Assert.Equal("DoNotReply@grastorp.example", root.GetProperty("senderAddress").GetString());
        Assert.Equal(Message.Subject, root.GetProperty("content").GetProperty("subject").GetString());
        Assert.Equal("Text med åäö", root.GetProperty("content").GetProperty("plainText").GetString());
        Assert.Equal("<p>HTML med åäö</p>", root.GetProperty("content").GetProperty("html").GetString());
        Assert.Equal("kommunpolis@example.se", root.GetProperty("recipients").GetProperty("to")[0].GetProperty("address").GetString());
    }

    [Fact]
    public async Task A_429_with_retry_after_is_retried_with_the_same_operation_id()
    {
        var (service, sender) = await StartAsync();
        service.Posts.Enqueue(Reply.Error(429, "TooManyRequests", retryAfter: 1));

        await sender.SendAsync(Message, Token);

        Assert.Equal(2, Posts.Count);
        Assert.All(Posts, p => Assert.Equal(Message.OperationId.ToString("D"), p.OperationId));
        Assert.All(Posts, p => Assert.Equal("Bearer fake-token", p.Authorization));
    }

    [Fact]
    public async Task A_500_then_success_sends_once_more_with_the_same_operation_id()
    {
        var (service, sender) = await StartAsync();
        service.Posts.Enqueue(Reply.Error(500, "InternalServerError"));

        await sender.SendAsync(Message, Token);

        Assert.Equal(2, Posts.Count);
        Assert.Single(Posts.Select(p => p.OperationId).Distinct());
    }

    [Theory]
    [InlineData(400, "BadRequest")]
    [InlineData(401, "Unauthorized")]
    [InlineData(403, "Forbidden")]
    public async Task A_client_error_is_not_retried_and_carries_the_service_error_code(int status, string code)
    {
        var (service, sender) = await StartAsync();
        service.Posts.Enqueue(Reply.Error(status, code));

        var failure = await Assert.ThrowsAsync<RequestFailedException>(() => sender.SendAsync(Message, Token));

        Assert.Equal(status, failure.Status);
        Assert.Equal(code, failure.ErrorCode);
        Assert.Single(Posts);
    }

    [Fact]
    public async Task A_poll_that_reports_failed_throws_with_the_error_code_and_does_not_send_again()
    {
        var (service, sender) = await StartAsync();
        service.Polls.Enqueue(Reply.Status("Failed", errorCode: "EmailDropped"));

        var failure = await Assert.ThrowsAsync<EmailSendFailedException>(() => sender.SendAsync(Message, Token));

        Assert.Equal("EmailDropped", failure.ErrorCode);
        Assert.Single(Posts);
    }

    [Fact]
    public async Task A_5xx_while_polling_is_retried_without_sending_again()
    {
        var (service, sender) = await StartAsync();
        service.Polls.Enqueue(Reply.Error(503, "ServiceUnavailable"));

        await sender.SendAsync(Message, Token);

        Assert.Single(Posts);
        Assert.Equal(2, service.Requests.Count(r => r.Method == "GET"));
    }

    [Fact]
    public async Task The_send_request_is_built_without_being_sent()
    {
        var (service, _) = await StartAsync();
        var client = new AcsEmailClient(service.Endpoint, _credential, new AcsEmailClientOptions { Transport = service.Transport });

        using var request = client.CreateSendRequest(new EmailMessage("a@grastorp.example", "Ämne", "text", "<p>html</p>", ["b@example.se"]), Message.OperationId);

        Assert.Equal(RequestMethod.Post, request.Request.Method);
        Assert.Equal(new Uri(service.Endpoint, "/emails:send?api-version=2023-03-31"), request.Request.Uri.ToUri());
        Assert.True(request.Request.Headers.TryGetValue("Operation-Id", out var id));
        Assert.Equal(Message.OperationId.ToString("D"), id);
        Assert.Empty(service.Requests);
    }

    [Fact]
    public void A_plain_http_endpoint_is_refused_before_any_token_is_fetched()
    {
        Assert.Throws<ArgumentException>(() => new AcsEmailClient(new Uri("http://grastorp.communication.azure.com"), _credential));
        Assert.Empty(_credential.Scopes);
    }

    public async ValueTask DisposeAsync()
    {
        if (_service is not null)
        {
            await _service.DisposeAsync();
        }

        if (_pipelines is not null)
        {
            await _pipelines.DisposeAsync();
        }
    }

    /// <summary>A credential that hands out a fixed token and remembers the scopes asked for.</summary>
    private sealed class FakeCredential : TokenCredential
    {
        public ConcurrentQueue<string> Scopes { get; } = new();

        public override AccessToken GetToken(TokenRequestContext requestContext, CancellationToken cancellationToken)
        {
            foreach (var scope in requestContext.Scopes)
            {
                Scopes.Enqueue(scope);
            }

            return new AccessToken("fake-token", TimeProvider.System.GetUtcNow().AddHours(1));
        }

        public override ValueTask<AccessToken> GetTokenAsync(TokenRequestContext requestContext, CancellationToken cancellationToken) =>
            ValueTask.FromResult(GetToken(requestContext, cancellationToken));
    }
}
