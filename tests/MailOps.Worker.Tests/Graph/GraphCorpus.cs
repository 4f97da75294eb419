using MailOps.Worker.Tests.Support;

namespace MailOps.Worker.Tests.Graph;

/// <summary>A mailbox's worth of mail for the Graph test server: mostly ordinary, every tenth report-like.</summary>
internal static class GraphCorpus
{
    /// <summary>Delivers <paramref name="count"/> messages; returns how many are report-like.</summary>
    public static int Deliver(GraphTestServer server, int count)
    {
        var reports = 0;
        for (var i = 0; i < count; i++)
        {
            if (i % 10 != 0)
            {
                server.Deliver(Eml.Ordinary($"ordinary-{i}@shop.example.org"));
                continue;
            }

            reports++;
            server.Deliver(i % 20 == 0
                ? Eml.Daily($"daily-{i}@callcenter.example.com")
                : Eml.CrmDaily($"crm-{i}@cq.example.com"));
        }

        return reports;
    }
}
