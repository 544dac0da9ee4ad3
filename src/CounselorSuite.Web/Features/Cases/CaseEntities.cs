using CounselorSuite.Web.Infrastructure.Tenancy;

namespace CounselorSuite.Web.Features.Cases;

public enum CaseKind { Individual, Couple, Family }

public enum ConfidentialityAgreement { NotRecorded, NoSecrets, LimitedSecrets, FullConfidentiality }

public sealed class Case : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid Id { get; set; }
    public required string Title { get; set; }
    public CaseKind Kind { get; set; }
    public ConfidentialityAgreement Confidentiality { get; set; }
    public DateTimeOffset CreatedAt { get; set; }
    public bool IsClosed { get; set; }

    public List<CaseClient> Clients { get; set; } = [];
    public List<CaseCounselor> Counselors { get; set; } = [];
}

public sealed class CaseClient : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid CaseId { get; set; }
    public Guid ClientId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}

public sealed class CaseCounselor : ITenantOwned
{
    public Guid PracticeId { get; set; }
    public Guid CaseId { get; set; }
    public Guid CounselorId { get; set; }
    public DateTimeOffset AddedAt { get; set; }
}
