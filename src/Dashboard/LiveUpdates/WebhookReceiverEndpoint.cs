using System.Buffers;
using Dashboard.Core.LiveUpdates;
using Microsoft.AspNetCore.Diagnostics;
using Microsoft.Extensions.Options;

namespace Dashboard.LiveUpdates;

public static class WebhookReceiverEndpoint
{
    public const string PathPrefix = ReceiverToken.PathPrefix;

    /// <summary>
    /// <c>POST /hooks/pilot-status/{token}</c>, no sign-in: Pilot Status's webhook deliveries. A wrong token is 404, like
    /// any unknown address. The body is only checked and stored here (200 once stored); the work happens after, on
    /// whichever instance claims it.
    /// </summary>
    public static IEndpointConventionBuilder MapWebhookReceiver(this IEndpointRouteBuilder endpoints) =>
        endpoints.MapPost(PathPrefix + "/{token}", ReceiveAsync).AllowAnonymous().DisableAntiforgery();

    private static async Task<IResult> ReceiveAsync(
        string token, HttpRequest request, ReceiverToken receiverToken, WebhookInbox inbox, IOptions<LiveUpdatesOptions> options, CancellationToken cancellationToken)
    {
        // A machine is calling: answer with the bare status, not the app's "page not found" page.
        if (request.HttpContext.Features.Get<IStatusCodePagesFeature>() is { } statusPages)
        {
            statusPages.Enabled = false;
        }

        if (!await receiverToken.MatchesAsync(token, cancellationToken))
        {
            return Results.NotFound();
        }

        if (request.ContentLength > inbox.MaxBodyBytes)
        {
            inbox.CountOversized();
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var body = await ReadAtMostAsync(request.Body, inbox.MaxBodyBytes, cancellationToken);
        if (body is null)
        {
            inbox.CountOversized(); // Sent without a Content-Length (chunked) and longer than allowed.
            return Results.StatusCode(StatusCodes.Status413PayloadTooLarge);
        }

        var outcome = await inbox.AcceptAsync(body.WrittenMemory, request.Headers[options.Value.SignatureHeader].ToString(), cancellationToken);
        return outcome switch
        {
            InboxOutcome.Accepted or InboxOutcome.Duplicate => Results.Ok(),
            InboxOutcome.Malformed => Results.BadRequest(),
            InboxOutcome.BadSignature => Results.Unauthorized(),
            _ => Results.StatusCode(StatusCodes.Status503ServiceUnavailable),
        };
    }

    /// <returns>The body, or null when it is longer than <paramref name="limit"/> bytes.</returns>
    private static async Task<ArrayBufferWriter<byte>?> ReadAtMostAsync(Stream body, int limit, CancellationToken cancellationToken)
    {
        var buffer = new ArrayBufferWriter<byte>(Math.Min(limit + 1, 16 * 1024));
        while (true)
        {
            var memory = buffer.GetMemory(4096);
            var read = await body.ReadAsync(memory, cancellationToken);
            if (read == 0)
            {
                return buffer;
            }

            buffer.Advance(read);
            if (buffer.WrittenCount > limit)
            {
                return null;
            }
        }
    }
}
