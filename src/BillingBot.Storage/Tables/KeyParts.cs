using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BillingBot.Storage.Tables;

/// <summary>
/// Pieces of composite keys ("a|b|c"): each part encoded so that '|' can only be a separator, long parts shortened
/// with a hash of the whole so they stay unique within Azure's 1 KiB key limit, dates sortable as text.
/// </summary>
internal static class KeyParts
{
    public static string Part(string value, int maxLength)
    {
        var encoded = TableKeys.Encode(value).Replace("|", "%7C", StringComparison.Ordinal);
        if (encoded.Length <= maxLength)
        {
            return encoded;
        }

        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(value)));
        return encoded[..(maxLength - hash.Length - 1)] + "~" + hash;
    }

    /// <summary>The exclusive upper bound of the RowKeys starting with a prefix: its last character, one higher.</summary>
    public static string PrefixEnd(string prefix) => prefix[..^1] + (char)(prefix[^1] + 1);

    public static string Date(DateOnly date) => date.ToString("yyyy-MM-dd", CultureInfo.InvariantCulture);

    public static DateOnly ParseDate(string text) => DateOnly.ParseExact(text, "yyyy-MM-dd", CultureInfo.InvariantCulture);
}
