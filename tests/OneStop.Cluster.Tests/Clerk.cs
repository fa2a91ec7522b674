using System.Net;
using System.Net.Http.Headers;
using System.Net.Http.Json;
using System.Text.Json.Nodes;

namespace OneStop.Cluster.Tests;

/// <summary>
/// A counter clerk (cán bộ một cửa) working through a load balancer that knows two nodes: each call goes to the node it is told to,
/// and to the other one when that node does not answer at all (refused connection, reset) — as a load balancer's
/// retry would. What happens on the node is never guessed: after a lost answer the dossier is read again.
/// </summary>
public sealed class Clerk(IReadOnlyList<ApiNode> nodes)
{
    public const string Procedure = "ho-tich.dang-ky-khai-sinh";
    public const string Commune = "22918";
    private readonly Dictionary<string, string> _tokens = [];
    private int _failovers;

    /// <summary>Calls a node had to hand to the other one because it did not answer.</summary>
    public int Failovers => Volatile.Read(ref _failovers);

    /// <summary>Per node, the writes (submissions and actions) it answered with success.</summary>
    public int[] WritesPerNode { get; } = new int[2];

    public string Token(string userName) => _tokens[userName];

    /// <summary>Signs every account in once, on the first node; the tokens work on every node (one shared key).</summary>
    public async Task SignInAsync(params string[] userNames)
    {
        foreach (var user in userNames)
        {
            var response = await nodes[0].Client.PostAsJsonAsync("/api/auth/token", new { username = user, password = "Demo@12345" });
            response.EnsureSuccessStatusCode();
            _tokens[user] = (await response.Content.ReadFromJsonAsync<JsonObject>())!["accessToken"]!.GetValue<string>();
        }
    }

    public async Task<HttpResponseMessage> SendAsync(int node, string user, HttpMethod method, string path, object? body = null,
        IReadOnlyDictionary<string, string>? headers = null)
    {
        for (var attempt = 0; ; attempt++)
        {
            var target = (node + attempt) % nodes.Count;
            using var request = new HttpRequestMessage(method, path);
            if (_tokens.TryGetValue(user, out var token))
                request.Headers.Authorization = new AuthenticationHeaderValue("Bearer", token);
            if (body is not null)
                request.Content = JsonContent.Create(body);
            foreach (var (name, value) in headers ?? new Dictionary<string, string>())
                request.Headers.TryAddWithoutValidation(name, value);
            try
            {
                var response = await nodes[target].Client.SendAsync(request);
                if (method != HttpMethod.Get && response.IsSuccessStatusCode)
                    Interlocked.Increment(ref WritesPerNode[target]);
                return response;
            }
            catch (HttpRequestException e) when (attempt < 20)
            {
                Interlocked.Increment(ref _failovers);
                // Refused: the request never reached a node, so the other one may take it, whatever it is. Anything else
                // (a reset mid-request) may have reached the node that died: a write may or may not have landed.
                var refused = e.InnerException is System.Net.Sockets.SocketException { SocketErrorCode: System.Net.Sockets.SocketError.ConnectionRefused };
                if (method != HttpMethod.Get && !refused)
                    throw new LostAnswerException();
                await Task.Delay(20 * (attempt + 1));
            }
        }
    }

    /// <summary>Reads a dossier (as admin) and its ETag, from the given node or, if it is down, the other.</summary>
    public async Task<(JsonObject Dossier, string ETag)> ReadAsync(int node, string code)
    {
        var response = await SendAsync(node, "admin", HttpMethod.Get, $"/api/dossiers/{code}");
        var json = (await response.Content.ReadFromJsonAsync<JsonObject>())!;
        if (response.StatusCode != HttpStatusCode.OK)
            throw new InvalidOperationException($"read {code}: {(int)response.StatusCode} {json}");
        return (json, response.Headers.ETag!.Tag);
    }

    public static object Submission(int number) => new
    {
        procedureId = Procedure,
        applicant = new { idNumber = "060095000123", fullName = $"Công Dân Cụm {number}" },
        channel = "counter",
        receivingUnitCode = Commune,
        documents = new[] { new { code = "TKKS" }, new { code = "GCS" } },
    };

    /// <summary>Who takes the birth registration's next step, and which action it is, from where the dossier stands.</summary>
    public static (string User, string Action)? NextStep(JsonObject dossier) =>
        (dossier["status"]!.GetValue<string>(), dossier["currentStep"]?["id"]?.GetValue<string>()) switch
        {
            ("Submitted", _) => ("tiepnhan.xa", "receive"),
            ("Received", _) => ("chuyenvien.xa", "forward"),
            ("InProgress", "ky-duyet") => ("lanhdao.xa", "approve"),
            ("InProgress", "tra-ket-qua") => ("tiepnhan.xa", "resolve"),
            ("Resolved", _) => ("tiepnhan.xa", "return-result"),
            _ => null,
        };
}

/// <summary>A write whose node died before answering: it may or may not have been committed.</summary>
public sealed class LostAnswerException : Exception
{
    public LostAnswerException() : base("The node did not answer the write.")
    {
    }
}
