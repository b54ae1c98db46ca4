import QRCode from 'qrcode'

/** A QR code (PNG, black on white, with its quiet zone) for a URL, `size` pixels square. */
export async function qrCode(url: string, size: number): Promise<Buffer> {
  return QRCode.toBuffer(url, {
    type: 'png',
    errorCorrectionLevel: 'M',
    margin: 2,
    width: size,
    color: { dark: '#000000ff', light: '#ffffffff' },
  })
}
