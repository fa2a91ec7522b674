using System.Globalization;
using OneStop.Domain.Codes;

namespace OneStop.Domain.Tests.Codes;

/// <summary>Dossier codes <c>{agencyCode}-{yyMMdd}-{seq:0000}</c> and tracking secrets (DESIGN §7).</summary>
public sealed class DossierCodesTests
{
    private const string Alphabet = "ABCDEFGHJKLMNPQRSTUVWXYZ23456789";

    [Fact]
    public void The_first_dossier_of_1_July_2025_at_a_commune_gets_the_design_example_code() =>
        Assert.Equal("000.17.22.H56-250701-0001", DossierCodes.Format("000.17.22.H56", new DateOnly(2025, 7, 1), 1));

    [Fact]
    public void The_sequence_is_padded_to_four_digits_and_grows_past_them()
    {
        Assert.Equal("000.17.22.H56-251231-0042", DossierCodes.Format("000.17.22.H56", new DateOnly(2025, 12, 31), 42));
        Assert.Equal("000.17.22.H56-260101-12345", DossierCodes.Format("000.17.22.H56", new DateOnly(2026, 1, 1), 12345));
    }

    [Fact]
    public void A_sequence_below_one_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCodes.Format("000.17.22.H56", new DateOnly(2025, 7, 1), 0));
    }

    [Fact]
    public void The_day_is_written_in_the_Gregorian_calendar_whatever_the_thread_culture()
    {
        var culture = CultureInfo.CurrentCulture;
        try
        {
            CultureInfo.CurrentCulture = CultureInfo.GetCultureInfo("th-TH");

            Assert.Equal("000.17.22.H56-250701-0001", DossierCodes.Format("000.17.22.H56", new DateOnly(2025, 7, 1), 1));
        }
        finally
        {
            CultureInfo.CurrentCulture = culture;
        }
    }

    [Theory]
    [InlineData("000.17.22.H56-250701-0001")]
    [InlineData("000.17.22.H56-250701-12345")]
    [InlineData("H56-250701-0001")]
    // An agency code of 35 characters, the most DVCQG allows.
    [InlineData("000.00.00.H56.000000000000000000000-250701-0001")]
    public void Codes_of_the_documented_shape_are_well_formed(string code) =>
        Assert.True(DossierCodes.IsWellFormed(code));

    [Theory]
    [InlineData(null)]
    [InlineData("")]
    [InlineData("000.17.22.H56-250701-001")]
    [InlineData("000.17.22.H56-25071-0001")]
    [InlineData("000.17.22.H56-2507011-0001")]
    [InlineData("000.17.22.H56250701-0001")]
    [InlineData("-250701-0001")]
    [InlineData("000-17-22-H56-250701-0001")]
    [InlineData("000.17.22.H56-250701-0001 ")]
    // 36 characters.
    [InlineData("000.00.00.H56.0000000000000000000000-250701-0001")]
    [InlineData("000.17.22.H56-2507O1-0001")]
    public void Codes_of_another_shape_are_not_well_formed(string? code) =>
        Assert.False(DossierCodes.IsWellFormed(code));

    [Fact]
    public void Codes_with_digits_outside_ASCII_are_not_well_formed() =>
        Assert.False(DossierCodes.IsWellFormed("000.17.22.H56-\u0662\u0665\u0660\u0667\u0660\u0661-0001"));

    [Fact]
    public void A_formatted_code_is_well_formed() =>
        Assert.True(DossierCodes.IsWellFormed(DossierCodes.Format("000.17.22.H56", new DateOnly(2026, 3, 9), 7)));

    [Fact]
    public void A_tracking_secret_is_ten_characters_from_the_unambiguous_alphabet_by_default()
    {
        var secret = DossierCodes.NewTrackingSecret();

        Assert.Equal(10, secret.Length);
        Assert.All(secret, c => Assert.Contains(c, Alphabet));
    }

    [Fact]
    public void A_tracking_secret_shorter_than_eight_characters_is_refused()
    {
        Assert.Throws<ArgumentOutOfRangeException>(() => DossierCodes.NewTrackingSecret(7));
        Assert.Equal(8, DossierCodes.NewTrackingSecret(8).Length);
    }

    [Fact]
    public void A_thousand_tracking_secrets_are_long_enough_from_the_alphabet_and_all_different()
    {
        var secrets = Enumerable.Range(0, 1_000).Select(_ => DossierCodes.NewTrackingSecret()).ToList();

        Assert.All(secrets, s => Assert.True(s.Length >= 8 && s.All(Alphabet.Contains), s));
        Assert.Equal(1_000, secrets.Distinct(StringComparer.Ordinal).Count());
        // Never the characters a clerk could misread: 0/O, 1/I/l.
        Assert.DoesNotContain(secrets, s => s.IndexOfAny(['0', 'O', '1', 'I', 'l']) >= 0);
    }
}
