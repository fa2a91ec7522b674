# Subsets the shipped DejaVu Sans faces for OneStop's PDFs (see LICENSE). Run with Debian's python3-fonttools:
#   python3 subset-fonts.py /usr/share/fonts/truetype/dejavu .   (the full faces of fonts-dejavu-core 2.37, then this folder)
import struct, sys
from fontTools import subset
from fontTools.misc.roundTools import otRound
from fontTools.ttLib import TTFont
from fontTools.ttLib.tables import _h_m_t_x

def compile_every_metric(self, ttFont):
    # PdfPig's subsetter reads one full horizontal metric per glyph; fontTools would fold the trailing glyphs of equal
    # width into left side bearings only (a smaller table PdfPig reads past the end of).
    metrics = [self.metrics[name] for name in ttFont.getGlyphOrder()]
    setattr(ttFont[self.headerTag], self.numberOfMetricsName, len(metrics))
    return struct.pack(">" + "Hh" * len(metrics), *[otRound(v) for m in metrics for v in m])

_h_m_t_x.table__h_m_t_x.compile = compile_every_metric
UNICODES = ("U+0020-007E,U+00A0-024F,U+02B0-02FF,U+0300-036F,U+1E00-1EFF,U+2000-206F,U+20A0-20CF,U+2116,U+2122,"
            "U+2190-2193,U+2212,U+2260,U+2264-2265,U+25A0-25A1,U+25CB,U+25CF,U+2610-2612,U+2713-2714,U+FFFD")
source, target = sys.argv[1], sys.argv[2]
for face, style, postscript in [("DejaVuSans", "", "DejaVuSansOneStop"), ("DejaVuSans-Bold", " Bold", "DejaVuSansOneStop-Bold")]:
    output = f"{target}/{face}.ttf"
    subset.main([f"{source}/{face}.ttf", f"--unicodes={UNICODES}", "--layout-features=", "--drop-tables+=MATH,GSUB,GPOS,GDEF,FFTM",
                 "--no-hinting", "--glyph-names", "--notdef-outline", "--no-recalc-timestamp", "--name-IDs=*", "--name-languages=*", f"--output-file={output}"])
    font = TTFont(output, recalcTimestamp=False)
    names = font["name"]
    # Modified fonts must not keep the original's name (Bitstream Vera license, kept by DejaVu).
    for record in list(names.names):
        renamed = {1: "DejaVu Sans OneStop", 16: "DejaVu Sans OneStop", 4: "DejaVu Sans OneStop" + style,
                   3: f"DejaVu Sans OneStop{style} subset", 6: postscript}.get(record.nameID)
        if renamed:
            names.setName(renamed, record.nameID, record.platformID, record.platEncID, record.langID)
    font.save(output)
    print(output, font["maxp"].numGlyphs, "glyphs")
