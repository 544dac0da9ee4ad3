using BenchmarkDotNet.Columns;
using BenchmarkDotNet.Reports;
using BenchmarkDotNet.Running;

namespace CounselorSuite.Bench.Pdf;

/// <summary>Shows the size of the PDF each benchmark produces, measured once before the run.</summary>
public sealed class PdfSizeColumn(IReadOnlyDictionary<string, int> sizes) : IColumn
{
    public string Id => nameof(PdfSizeColumn);

    public string ColumnName => "PDF size";

    public bool AlwaysShow => true;

    public ColumnCategory Category => ColumnCategory.Custom;

    public int PriorityInCategory => 0;

    public bool IsNumeric => true;

    public UnitType UnitType => UnitType.Size;

    public string Legend => "Size of the PDF one operation produces";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase) =>
        sizes.TryGetValue(benchmarkCase.Descriptor.WorkloadMethod.Name, out int bytes) ? $"{bytes / 1024.0:F1} KB" : "?";

    public string GetValue(Summary summary, BenchmarkCase benchmarkCase, SummaryStyle style) => GetValue(summary, benchmarkCase);

    public bool IsDefault(Summary summary, BenchmarkCase benchmarkCase) => false;

    public bool IsAvailable(Summary summary) => true;
}
