using System.Buffers.Binary;
using System.IO.Compression;
using System.Text;

namespace BillingBot.TestKit.Manifest;

/// <summary>
/// A PNG decoded to 8-bit RGBA, strictly: the signature, every chunk's CRC, IHDR first, IEND last, and the image data
/// must all be right. Enough for checking app icons; it reads 8-bit, non-interlaced grey, grey+alpha, RGB, RGBA and
/// palette images (with tRNS), and refuses anything else by name.
/// </summary>
public sealed class PngImage
{
    private static readonly byte[] Signature = [137, 80, 78, 71, 13, 10, 26, 10];

    private readonly byte[] _rgba;

    private PngImage(int width, int height, int colorType, byte[] rgba)
    {
        Width = width;
        Height = height;
        ColorType = colorType;
        _rgba = rgba;
    }

    public int Width { get; }

    public int Height { get; }

    /// <summary>The PNG colour type as stored: 0 grey, 2 RGB, 3 palette, 4 grey+alpha, 6 RGBA.</summary>
    public int ColorType { get; }

    /// <summary>Whether the file can hold transparency at all (an alpha channel, or a palette with tRNS).</summary>
    public bool HasAlphaChannel { get; private init; }

    public (byte R, byte G, byte B, byte A) this[int x, int y]
    {
        get
        {
            ArgumentOutOfRangeException.ThrowIfNegative(x);
            ArgumentOutOfRangeException.ThrowIfNegative(y);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(x, Width);
            ArgumentOutOfRangeException.ThrowIfGreaterThanOrEqual(y, Height);
            var i = ((y * Width) + x) * 4;
            return (_rgba[i], _rgba[i + 1], _rgba[i + 2], _rgba[i + 3]);
        }
    }

    /// <summary>Every pixel, row by row.</summary>
    public IEnumerable<(int X, int Y, byte R, byte G, byte B, byte A)> Pixels()
    {
        for (var y = 0; y < Height; y++)
        {
            for (var x = 0; x < Width; x++)
            {
                var (r, g, b, a) = this[x, y];
                yield return (x, y, r, g, b, a);
            }
        }
    }

    public static PngImage Read(string path) => Decode(File.ReadAllBytes(path));

    /// <summary>Decodes a PNG file's bytes; a malformed or unsupported file throws <see cref="InvalidDataException"/>.</summary>
    public static PngImage Decode(ReadOnlySpan<byte> file)
    {
        if (file.Length < Signature.Length || !file[..Signature.Length].SequenceEqual(Signature))
        {
            throw new InvalidDataException("Not a PNG: the signature is missing.");
        }

        var position = Signature.Length;
        int width = 0, height = 0, colorType = -1;
        byte[]? palette = null;
        byte[]? transparency = null;
        using var idat = new MemoryStream();
        var seenEnd = false;
        var first = true;
        while (position < file.Length)
        {
            if (file.Length - position < 12)
            {
                throw new InvalidDataException("A chunk is cut short.");
            }

            var length = BinaryPrimitives.ReadInt32BigEndian(file[position..]);
            if (length < 0 || length > file.Length - position - 12)
            {
                throw new InvalidDataException("A chunk's length runs past the end of the file.");
            }

            var type = Encoding.ASCII.GetString(file.Slice(position + 4, 4));
            var data = file.Slice(position + 8, length);
            var crc = BinaryPrimitives.ReadUInt32BigEndian(file[(position + 8 + length)..]);
            if (Crc32(file.Slice(position + 4, 4 + length)) != crc)
            {
                throw new InvalidDataException($"The {type} chunk's CRC is wrong.");
            }

            if (first != (type == "IHDR"))
            {
                throw new InvalidDataException("IHDR must be the first chunk, and only the first.");
            }

            first = false;
            position += 12 + length;
            switch (type)
            {
                case "IHDR":
                    width = BinaryPrimitives.ReadInt32BigEndian(data);
                    height = BinaryPrimitives.ReadInt32BigEndian(data[4..]);
                    colorType = data[9];
                    if (data[8] != 8 || data[10] != 0 || data[11] != 0 || data[12] != 0)
                    {
                        throw new InvalidDataException(
                            $"Only 8-bit, non-interlaced PNGs are read here (bit depth {data[8]}, interlace {data[12]}).");
                    }

                    if (width <= 0 || height <= 0 || width > 8192 || height > 8192)
                    {
                        throw new InvalidDataException($"Unlikely dimensions {width}x{height}.");
                    }

                    break;
                case "PLTE":
                    palette = data.ToArray();
                    break;
                case "tRNS":
                    transparency = data.ToArray();
                    break;
                case "IDAT":
                    idat.Write(data);
                    break;
                case "IEND":
                    seenEnd = true;
                    break;
            }

            if (seenEnd)
            {
                break;
            }
        }

        if (!seenEnd || position != file.Length)
        {
            throw new InvalidDataException("IEND must be the last chunk.");
        }

        var channels = colorType switch
        {
            0 => 1,
            2 => 3,
            3 => 1,
            4 => 2,
            6 => 4,
            _ => throw new InvalidDataException($"Unknown colour type {colorType}."),
        };
        if (colorType == 3 && palette is null)
        {
            throw new InvalidDataException("A palette image has no PLTE chunk.");
        }

        var raw = Inflate(idat.ToArray(), height * ((width * channels) + 1));
        var pixels = Unfilter(raw, width, height, channels);
        var rgba = new byte[width * height * 4];
        for (var i = 0; i < width * height; i++)
        {
            var s = i * channels;
            var (r, g, b, a) = colorType switch
            {
                0 => (pixels[s], pixels[s], pixels[s], (byte)255),
                2 => (pixels[s], pixels[s + 1], pixels[s + 2], (byte)255),
                3 => Palette(palette!, transparency, pixels[s]),
                4 => (pixels[s], pixels[s], pixels[s], pixels[s + 1]),
                _ => (pixels[s], pixels[s + 1], pixels[s + 2], pixels[s + 3]),
            };
            rgba[i * 4] = r;
            rgba[(i * 4) + 1] = g;
            rgba[(i * 4) + 2] = b;
            rgba[(i * 4) + 3] = a;
        }

        return new PngImage(width, height, colorType, rgba)
        {
            HasAlphaChannel = colorType is 4 or 6 || (colorType == 3 && transparency is not null),
        };
    }

    private static (byte, byte, byte, byte) Palette(byte[] palette, byte[]? transparency, byte index)
    {
        if ((index * 3) + 2 >= palette.Length)
        {
            throw new InvalidDataException($"Palette index {index} is beyond the palette.");
        }

        var alpha = transparency is not null && index < transparency.Length ? transparency[index] : (byte)255;
        return (palette[index * 3], palette[(index * 3) + 1], palette[(index * 3) + 2], alpha);
    }

    private static byte[] Inflate(byte[] compressed, int expected)
    {
        using var input = new ZLibStream(new MemoryStream(compressed), CompressionMode.Decompress);
        var output = new byte[expected];
        input.ReadExactly(output);
        if (input.ReadByte() != -1)
        {
            throw new InvalidDataException("The image data is longer than its dimensions allow.");
        }

        return output;
    }

    private static byte[] Unfilter(byte[] raw, int width, int height, int channels)
    {
        var stride = width * channels;
        var pixels = new byte[stride * height];
        for (var y = 0; y < height; y++)
        {
            var filter = raw[y * (stride + 1)];
            var source = (y * (stride + 1)) + 1;
            var row = y * stride;
            for (var x = 0; x < stride; x++)
            {
                int left = x >= channels ? pixels[row + x - channels] : 0;
                int up = y > 0 ? pixels[row - stride + x] : 0;
                int upLeft = x >= channels && y > 0 ? pixels[row - stride + x - channels] : 0;
                var predictor = filter switch
                {
                    0 => 0,
                    1 => left,
                    2 => up,
                    3 => (left + up) / 2,
                    4 => Paeth(left, up, upLeft),
                    _ => throw new InvalidDataException($"Unknown filter type {filter} on row {y}."),
                };
                pixels[row + x] = (byte)(raw[source + x] + predictor);
            }
        }

        return pixels;
    }

    private static readonly uint[] CrcTable = [.. Enumerable.Range(0, 256).Select(n =>
    {
        var c = (uint)n;
        for (var k = 0; k < 8; k++)
        {
            c = (c & 1) != 0 ? 0xEDB88320u ^ (c >> 1) : c >> 1;
        }

        return c;
    })];

    /// <summary>The CRC-32 of PNG chunks (ISO 3309, as in the PNG specification's sample code).</summary>
    private static uint Crc32(ReadOnlySpan<byte> bytes)
    {
        var c = 0xFFFFFFFFu;
        foreach (var b in bytes)
        {
            c = CrcTable[(c ^ b) & 0xFF] ^ (c >> 8);
        }

        return c ^ 0xFFFFFFFFu;
    }

    private static int Paeth(int a, int b, int c)
    {
        var p = a + b - c;
        var pa = Math.Abs(p - a);
        var pb = Math.Abs(p - b);
        var pc = Math.Abs(p - c);
        return pa <= pb && pa <= pc ? a : pb <= pc ? b : c;
    }
}
