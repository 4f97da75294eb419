namespace MailOps.SampleMailGenerator.Month;

/// <summary>
/// The month the samples show, fixed rather than read from a clock: mail received from <see cref="From"/> to
/// <see cref="To"/>, both inclusive, as seen on <see cref="Today"/>. The fault plan names obligations of this range.
/// </summary>
internal static class SampleMonth
{
    public static readonly DateOnly From = new(2026, 11, 1);

    public static readonly DateOnly To = new(2026, 11, 23);

    public static readonly DateOnly Today = new(2026, 11, 24);

    /// <summary>Fixes every choice the plan leaves to chance: minutes of sending, subject forms, table layouts.</summary>
    public const int Seed = 20261124;
}
