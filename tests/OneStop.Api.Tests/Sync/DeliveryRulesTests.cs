using System.Net;
using Microsoft.AspNetCore.Hosting.Server;
using Microsoft.AspNetCore.Hosting.Server.Features;
using Microsoft.AspNetCore.Http.Features;
using OneStop.Infrastructure;
using OneStop.Infrastructure.NationalPortal;
using OneStop.Infrastructure.Outbox;

namespace OneStop.Api.Tests.Sync;

/// <summary>The backoff schedule and how the portal's answers are read.</summary>
public sealed class DeliveryRulesTests
{
    private static readonly TimeSpan Base = TimeSpan.FromSeconds(2);
    private static readonly TimeSpan Cap = TimeSpan.FromMinutes(5);

    [Theory]
    [InlineData(1, 2)]
    [InlineData(2, 4)]
    [InlineData(3, 8)]
    [InlineData(8, 256)]
    [InlineData(9, 300)]
    [InlineData(1000, 300)]
    public void The_backoff_doubles_from_2_seconds_up_to_the_cap(int attempts, int ceilingSeconds)
    {
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds), OutboxBackoff.Delay(attempts, Base, Cap, random: 1));
        Assert.Equal(TimeSpan.FromSeconds(ceilingSeconds / 2.0), OutboxBackoff.Delay(attempts, Base, Cap, random: 0));
    }

    [Fact]
    public void Jitter_spreads_retries_between_half_and_all_of_the_plain_backoff()
    {
        var delays = Enumerable.Range(0, 1000).Select(_ => OutboxBackoff.Delay(4, Base, Cap, Random.Shared.NextDouble())).ToList();

        Assert.All(delays, d => Assert.InRange(d, TimeSpan.FromSeconds(8), TimeSpan.FromSeconds(16)));
        Assert.True(delays.Distinct().Count() > 100, "jittered delays should differ");
    }

    /// <remarks>
    /// Issue 11 changed three rows of this table on purpose, because DVCQG's real answers changed what they mean:
    /// error_code is a string ("0"), "-1" now means an expired session (the mock's code; neither public client shows
    /// DVCQG's), HTTP 401 asks for a new session rather than a dead letter, and a code nobody knows is retried the
    /// way both real clients retry anything but "0".
    /// </remarks>
    [Theory]
    [InlineData(200, """{"error_code":"0","message":"Thêm mới hồ sơ thành công."}""", PortalAnswerKind.Accepted)]
    [InlineData(200, """{"error_code":0,"message":"a number is read too"}""", PortalAnswerKind.Accepted)]
    [InlineData(200, """{"error_code":"00","message":"older OpenCPS"}""", PortalAnswerKind.Accepted)]
    [InlineData(200, """{"error_code":" 0 "}""", PortalAnswerKind.Accepted)]
    [InlineData(200, """{"error_code":"-1","message":"Phiên làm việc không hợp lệ"}""", PortalAnswerKind.SessionExpired)]
    [InlineData(200, """{"error_code":-1,"message":"Phiên làm việc không hợp lệ"}""", PortalAnswerKind.SessionExpired)]
    [InlineData(200, """{"error_code":"-2","message":"Trường data[0].TrangThaiHoSo ..."}""", PortalAnswerKind.Permanent)]
    [InlineData(200, """{"error_code":"-3","message":"Hồ sơ đã tồn tại"}""", PortalAnswerKind.AlreadyExists)]
    [InlineData(200, """{"error_code":"3","message":"Hồ sơ đã tồn tại"}""", PortalAnswerKind.AlreadyExists)]
    [InlineData(200, """{"error_code":"-4","message":"Hồ sơ không tồn tại"}""", PortalAnswerKind.NotFound)]
    [InlineData(200, """{"error_code":"99","message":"Lỗi không xác định"}""", PortalAnswerKind.Transient)]
    [InlineData(200, """{"error_code":"E-42"}""", PortalAnswerKind.Transient)]
    [InlineData(200, """{"error_code":null}""", PortalAnswerKind.Transient)]
    [InlineData(409, """{"error_code":"409","message":"Bản tin sai thứ tự"}""", PortalAnswerKind.Transient)]
    [InlineData(503, """{"error_code":"503","message":"tạm thời"}""", PortalAnswerKind.Transient)]
    [InlineData(500, "", PortalAnswerKind.Transient)]
    [InlineData(429, "", PortalAnswerKind.Transient)]
    [InlineData(408, "", PortalAnswerKind.Transient)]
    [InlineData(200, "<html>proxy</html>", PortalAnswerKind.Transient)]
    [InlineData(401, """{"error_code":"-5","message":"Thiếu hoặc sai header dstcode."}""", PortalAnswerKind.SessionExpired)]
    [InlineData(400, """{"error_code":"400","message":"Bad request"}""", PortalAnswerKind.Permanent)]
    [InlineData(404, "", PortalAnswerKind.Permanent)]
    public void Portal_answers_are_read_by_status_then_by_their_error_code_string(int status, string body, PortalAnswerKind expected)
    {
        Assert.Equal(expected, PortalAnswer.Read((HttpStatusCode)status, body).Kind);
    }

    [Fact]
    public void The_real_accepted_answer_a_string_zero_is_accepted_where_reading_it_as_a_number_used_to_fail()
    {
        // The bug of issue 6: JsonElement.TryGetInt32 on the string "0" throws, so every real "accepted" was retried forever.
        var answer = PortalAnswer.Read(HttpStatusCode.OK, """{"error_code":"0","message":"Cập nhật hồ sơ thành công."}""");

        Assert.Equal((PortalAnswerKind.Accepted, "0"), (answer.Kind, answer.ErrorCode));
    }

    [Fact]
    public void An_answer_keeps_the_portals_words_and_code_for_the_admin()
    {
        var answer = PortalAnswer.Read(HttpStatusCode.OK, """{"error_code":"-2","message":"Trường data[0].TrangThaiHoSo là bắt buộc."}""");

        Assert.Equal("HTTP 200: Trường data[0].TrangThaiHoSo là bắt buộc. (error_code -2)", answer.Text);
    }

    [Theory]
    [InlineData("http://portal:8080/portal", null, "http://portal:8080/portal/")]
    [InlineData(null, "http://[::]:8080", "http://localhost:8080/portal/")]
    [InlineData(null, "http://+:80", "http://localhost/portal/")]
    [InlineData(null, "http://localhost:5000", "http://localhost:5000/portal/")]
    public void The_portal_address_is_the_setting_or_the_hosts_own_portal(string? baseUrl, string? listening, string expected)
    {
        Assert.Equal(expected, NationalPortalSyncRegistration.PortalAddress(baseUrl, new ListeningServer(listening))!.ToString());
    }

    [Fact]
    public void An_in_memory_server_that_listens_nowhere_gets_localhost() =>
        Assert.Equal("http://localhost/portal/", NationalPortalSyncRegistration.PortalAddress(null, new ListeningServer(null))!.ToString());

    [Fact]
    public void Without_a_setting_or_a_mapped_mock_there_is_no_portal_address() =>
        Assert.Null(NationalPortalSyncRegistration.PortalAddress(null, null));
}

/// <summary>A server that only reports the address it listens on.</summary>
internal sealed class ListeningServer : IServer
{
    public ListeningServer(string? address)
    {
        var addresses = new ServerAddressesFeature();
        if (address is not null)
            addresses.Addresses.Add(address);
        Features.Set<IServerAddressesFeature>(addresses);
    }

    public IFeatureCollection Features { get; } = new FeatureCollection();

    public Task StartAsync<TContext>(IHttpApplication<TContext> application, CancellationToken cancellationToken) where TContext : notnull => Task.CompletedTask;

    public Task StopAsync(CancellationToken cancellationToken) => Task.CompletedTask;

    public void Dispose()
    {
    }
}
