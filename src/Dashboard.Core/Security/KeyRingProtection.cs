using System.ComponentModel.DataAnnotations;
using System.Security.Cryptography;
using System.Security.Cryptography.X509Certificates;
using System.Security.Cryptography.Xml;
using System.Xml;
using System.Xml.Linq;
using Microsoft.AspNetCore.DataProtection.KeyManagement;
using Microsoft.AspNetCore.DataProtection.XmlEncryption;
using Microsoft.Extensions.DependencyInjection;
using Microsoft.Extensions.Logging;
using Microsoft.Extensions.Options;

namespace Dashboard.Core.Security;

/// <summary>
/// The <c>DataProtection</c> section: the certificate that encrypts the Data Protection key ring in the database. The
/// key ring signs the sign-in cookies; stored in clear, anyone who can read the database could forge them.
/// </summary>
public sealed class KeyRingOptions : IValidatableObject
{
    public const string Section = "DataProtection";

    /// <summary>A PKCS#12 file (.pfx) with its private key. New keys are encrypted with it.</summary>
    public string? CertificatePath { get; set; }

    public string? CertificatePassword { get; set; }

    /// <summary>The certificate this one replaced: keys it encrypted stay readable until they expire.</summary>
    public string? PreviousCertificatePath { get; set; }

    public string? PreviousCertificatePassword { get; set; }

    public bool Configured => !string.IsNullOrWhiteSpace(CertificatePath);

    public IEnumerable<ValidationResult> Validate(ValidationContext validationContext)
    {
        if (!string.IsNullOrWhiteSpace(PreviousCertificatePath) && !Configured)
        {
            yield return new ValidationResult(
                "DataProtection:PreviousCertificatePath is set but DataProtection:CertificatePath is not: set the new certificate too.",
                [nameof(CertificatePath)]);
        }

        foreach (var problem in Check(nameof(CertificatePath), CertificatePath, CertificatePassword)
                     .Concat(Check(nameof(PreviousCertificatePath), PreviousCertificatePath, PreviousCertificatePassword)))
        {
            yield return problem;
        }
    }

    /// <summary>The certificates to decrypt with, the current one first; empty when none is configured.</summary>
    internal IReadOnlyList<X509Certificate2> Load() =>
        new[] { (CertificatePath, CertificatePassword), (PreviousCertificatePath, PreviousCertificatePassword) }
            .Where(c => !string.IsNullOrWhiteSpace(c.Item1))
            .Select(c => X509CertificateLoader.LoadPkcs12FromFile(c.Item1!, c.Item2, X509KeyStorageFlags.EphemeralKeySet))
            .ToList();

    private static IEnumerable<ValidationResult> Check(string setting, string? path, string? password)
    {
        if (string.IsNullOrWhiteSpace(path))
        {
            yield break;
        }

        if (!File.Exists(path))
        {
            yield return new ValidationResult(
                $"DataProtection:{setting} names a file that does not exist ({path}). Give the full path of the .pfx file, " +
                "or leave the setting empty (see docs/data-protection.md).", [setting]);
            yield break;
        }

        string? problem;
        try
        {
            using var certificate = X509CertificateLoader.LoadPkcs12FromFile(path, password, X509KeyStorageFlags.EphemeralKeySet);
            problem = !certificate.HasPrivateKey
                ? $"DataProtection:{setting} must be a .pfx file that includes the private key; this one has only the public certificate."
                : certificate.GetRSAPrivateKey() is null
                    ? $"DataProtection:{setting} must hold an RSA key (make it with 'openssl req -newkey rsa:3072 ...', see docs/data-protection.md)."
                    : null;
        }
        catch (CryptographicException)
        {
            // Never the password itself.
            problem = $"DataProtection:{setting} could not be opened: the file is not a .pfx file or the password in " +
                $"DataProtection:{setting.Replace("Path", "Password", StringComparison.Ordinal)} is wrong.";
        }

        if (problem is not null)
        {
            yield return new ValidationResult(problem, [setting]);
        }
    }
}

public static class KeyRingProtection
{
    /// <summary>Encrypts keys with the configured certificate, if any; the options are validated when the host starts.</summary>
    public static IServiceCollection AddKeyRingProtection(this IServiceCollection services)
    {
        services.AddOptions<KeyRingOptions>().BindConfiguration(KeyRingOptions.Section).ValidateDataAnnotations().ValidateOnStart();
        services.AddSingleton<KeyRingCertificates>();

        // Set when the options are first read (after start-up validation), not when services are registered: the
        // certificate comes from configuration the host may still be adding to.
        services.AddOptions<KeyManagementOptions>().Configure<KeyRingCertificates, ILoggerFactory>((options, certificates, logging) =>
        {
            if (certificates.Current is { } current)
            {
                options.XmlEncryptor = new KeyRingEncryptor(current, logging);
            }
        });
        return services;
    }
}

/// <summary>The configured certificates, loaded once.</summary>
public sealed class KeyRingCertificates(IOptions<KeyRingOptions> options)
{
    private readonly Lazy<IReadOnlyList<X509Certificate2>> _all = new(() => options.Value.Load());

    public IReadOnlyList<X509Certificate2> All => _all.Value;

    public X509Certificate2? Current => All.Count > 0 ? All[0] : null;
}

/// <summary>
/// Data Protection's certificate encryption, naming <see cref="KeyRingDecryptor"/> as the way back: the built-in
/// decryptor only finds certificates registered when services are, or in the machine's certificate store.
/// </summary>
internal sealed class KeyRingEncryptor(X509Certificate2 certificate, ILoggerFactory logging) : IXmlEncryptor
{
    private readonly CertificateXmlEncryptor _inner = new(certificate, logging);

    public EncryptedXmlInfo Encrypt(XElement plaintextElement) => new(_inner.Encrypt(plaintextElement).EncryptedElement, typeof(KeyRingDecryptor));
}

/// <summary>Decrypts a key encrypted by <see cref="KeyRingEncryptor"/> with whichever configured certificate encrypted it.</summary>
public sealed class KeyRingDecryptor(IServiceProvider services) : IXmlDecryptor
{
    public XElement Decrypt(XElement encryptedElement)
    {
        var document = new XmlDocument { PreserveWhitespace = true };
        using (var reader = encryptedElement.CreateReader())
        {
            document.Load(reader);
        }

        new WithCertificates(document, services.GetRequiredService<KeyRingCertificates>().All).DecryptDocument();
        return XElement.Parse(document.DocumentElement!.OuterXml);
    }

    private sealed class WithCertificates(XmlDocument document, IReadOnlyList<X509Certificate2> certificates) : EncryptedXml(document)
    {
        public override byte[]? DecryptEncryptedKey(EncryptedKey encryptedKey)
        {
            var named = encryptedKey.KeyInfo.OfType<KeyInfoX509Data>()
                .SelectMany(data => data.Certificates?.OfType<X509Certificate2>() ?? [])
                .Select(c => c.Thumbprint)
                .ToHashSet(StringComparer.OrdinalIgnoreCase);
            var match = certificates.FirstOrDefault(c => named.Contains(c.Thumbprint))
                ?? throw new CryptographicException(
                    "A Data Protection key was encrypted with a certificate that is not configured. Set it as " +
                    "DataProtection:PreviousCertificatePath until the keys it encrypted have expired (see docs/data-protection.md).");

            using var key = match.GetRSAPrivateKey()!;
            return DecryptKey(encryptedKey.CipherData.CipherValue!, key, encryptedKey.EncryptionMethod?.KeyAlgorithm == XmlEncRSAOAEPUrl);
        }
    }
}
