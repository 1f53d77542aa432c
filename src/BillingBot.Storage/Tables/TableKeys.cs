using System.Globalization;
using System.Security.Cryptography;
using System.Text;

namespace BillingBot.Storage.Tables;

/// <summary>
/// Makes any string a valid PartitionKey or RowKey. Azure forbids '/', '\', '#', '?' and control characters in keys
/// (Azurite is laxer, so we enforce Azure's rules ourselves) and limits them to 1 KiB.
/// </summary>
public static class TableKeys
{
    private const int MaxLength = 400;

    public static string Encode(string key)
    {
        ArgumentNullException.ThrowIfNull(key);
        var builder = new StringBuilder(key.Length + 8);
        foreach (var c in key)
        {
            if (c is '%' or '/' or '\\' or '#' or '?' or '\'' || char.IsControl(c))
            {
                builder.Append('%').Append(((int)c).ToString("X2", CultureInfo.InvariantCulture));
            }
            else
            {
                builder.Append(c);
            }
        }

        if (builder.Length <= MaxLength)
        {
            return builder.ToString();
        }

        // Too long to be a key: keep a readable prefix and make it unique with a hash of the whole.
        var hash = Convert.ToHexString(SHA256.HashData(Encoding.UTF8.GetBytes(key)));
        return builder.ToString(0, MaxLength - hash.Length - 1) + "~" + hash;
    }

    public static string Decode(string encoded)
    {
        ArgumentNullException.ThrowIfNull(encoded);
        var builder = new StringBuilder(encoded.Length);
        for (var i = 0; i < encoded.Length; i++)
        {
            if (encoded[i] == '%' && i + 2 < encoded.Length)
            {
                builder.Append((char)int.Parse(encoded.AsSpan(i + 1, 2), NumberStyles.HexNumber, CultureInfo.InvariantCulture));
                i += 2;
            }
            else
            {
                builder.Append(encoded[i]);
            }
        }

        return builder.ToString();
    }
}
