package dev.fluxbase.ai.knowledge.control;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.function.Consumer;
import java.util.zip.CRC32;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.apache.poi.ooxml.POIXMLDocument;
import org.apache.poi.xslf.usermodel.XMLSlideShow;
import org.apache.poi.xssf.usermodel.XSSFRow;
import org.apache.poi.xssf.usermodel.XSSFSheet;
import org.apache.poi.xssf.usermodel.XSSFWorkbook;
import org.apache.poi.xwpf.usermodel.XWPFDocument;

/** Real documents of each uploadable format, made in the test: Office files by Apache POI, the rest by hand. */
public final class TestDocuments {

    private TestDocuments() {
    }

    public static byte[] docx(String... paragraphs) {
        return written(new XWPFDocument(), document -> {
            for (String paragraph : paragraphs) {
                document.createParagraph().createRun().setText(paragraph);
            }
        });
    }

    /** One sheet, a row of cells per array. */
    public static byte[] xlsx(String sheetName, String[]... rows) {
        return written(new XSSFWorkbook(), workbook -> {
            XSSFSheet sheet = workbook.createSheet(sheetName);
            for (int r = 0; r < rows.length; r++) {
                XSSFRow row = sheet.createRow(r);
                for (int c = 0; c < rows[r].length; c++) {
                    row.createCell(c).setCellValue(rows[r][c]);
                }
            }
        });
    }

    /** A slide with one text box per text. */
    public static byte[] pptx(String... slides) {
        return written(new XMLSlideShow(), show -> {
            for (String text : slides) {
                show.createSlide().createTextBox().setText(text);
            }
        });
    }

    private static <T extends POIXMLDocument> byte[] written(T document, Consumer<T> content) {
        try (document; ByteArrayOutputStream out = new ByteArrayOutputStream()) {
            content.accept(document);
            document.write(out);
            return out.toByteArray();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public static byte[] odt(String heading, String... paragraphs) {
        StringBuilder body = new StringBuilder("<text:h text:outline-level=\"1\">" + heading + "</text:h>");
        for (String paragraph : paragraphs) {
            body.append("<text:p>").append(paragraph).append("</text:p>");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", FileTypes.ODT);
        entries.put("META-INF/manifest.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><manifest:manifest "
                + "xmlns:manifest=\"urn:oasis:names:tc:opendocument:xmlns:manifest:1.0\" manifest:version=\"1.2\">"
                + "<manifest:file-entry manifest:full-path=\"/\" manifest:media-type=\"" + FileTypes.ODT + "\"/>"
                + "<manifest:file-entry manifest:full-path=\"content.xml\" manifest:media-type=\"text/xml\"/></manifest:manifest>");
        entries.put("content.xml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><office:document-content "
                + "xmlns:office=\"urn:oasis:names:tc:opendocument:xmlns:office:1.0\" "
                + "xmlns:text=\"urn:oasis:names:tc:opendocument:xmlns:text:1.0\" office:version=\"1.2\">"
                + "<office:body><office:text>" + body + "</office:text></office:body></office:document-content>");
        return zip(entries);
    }

    /** An EPUB 2 book with one chapter of paragraphs. */
    public static byte[] epub(String title, String... paragraphs) {
        StringBuilder chapter = new StringBuilder();
        for (String paragraph : paragraphs) {
            chapter.append("<p>").append(paragraph).append("</p>");
        }
        Map<String, String> entries = new LinkedHashMap<>();
        entries.put("mimetype", FileTypes.EPUB);
        entries.put("META-INF/container.xml", "<?xml version=\"1.0\"?><container version=\"1.0\" "
                + "xmlns=\"urn:oasis:names:tc:opendocument:xmlns:container\"><rootfiles><rootfile full-path=\"OEBPS/content.opf\" "
                + "media-type=\"application/oebps-package+xml\"/></rootfiles></container>");
        entries.put("OEBPS/content.opf", "<?xml version=\"1.0\"?><package xmlns=\"http://www.idpf.org/2007/opf\" version=\"2.0\" "
                + "unique-identifier=\"id\"><metadata xmlns:dc=\"http://purl.org/dc/elements/1.1/\"><dc:title>" + title
                + "</dc:title><dc:identifier id=\"id\">test-book</dc:identifier><dc:language>en</dc:language></metadata>"
                + "<manifest><item id=\"c1\" href=\"chapter1.xhtml\" media-type=\"application/xhtml+xml\"/></manifest>"
                + "<spine><itemref idref=\"c1\"/></spine></package>");
        entries.put("OEBPS/chapter1.xhtml", "<?xml version=\"1.0\" encoding=\"UTF-8\"?><html xmlns=\"http://www.w3.org/1999/xhtml\">"
                + "<head><title>Chapter one</title></head><body><h1>Chapter one</h1>" + chapter + "</body></html>");
        return zip(entries);
    }

    /** RTF with its paragraphs, the first in bold. */
    public static byte[] rtf(String... paragraphs) {
        StringBuilder rtf = new StringBuilder("{\\rtf1\\ansi\\deff0{\\fonttbl{\\f0\\fswiss Helvetica;}}\\f0\\fs24 ");
        for (int i = 0; i < paragraphs.length; i++) {
            rtf.append(i == 0 ? "{\\b " + paragraphs[i] + "}" : paragraphs[i]).append("\\par\n");
        }
        return rtf.append('}').toString().getBytes(StandardCharsets.US_ASCII);
    }

    /** A MIME e-mail whose body comes as plain text and as HTML (multipart/alternative), as mail programs send it. */
    public static byte[] eml(String subject, String text) {
        return ("From: Ada Lovelace <ada@example.com>\r\nTo: team@example.com\r\nSubject: " + subject
                + "\r\nDate: Tue, 2 Dec 2025 10:00:00 +0000\r\nMessage-ID: <1@example.com>\r\nMIME-Version: 1.0\r\n"
                + "Content-Type: multipart/alternative; boundary=\"b1\"\r\n\r\n"
                + "--b1\r\nContent-Type: text/plain; charset=utf-8\r\n\r\n" + text + "\r\n"
                + "--b1\r\nContent-Type: text/html; charset=utf-8\r\n\r\n<html><body><p>" + text + "</p></body></html>\r\n--b1--\r\n")
                .getBytes(StandardCharsets.UTF_8);
    }

    /** A zip archive; a first entry {@code mimetype} is stored uncompressed, as OpenDocument and EPUB require. */
    public static byte[] zip(Map<String, String> entries) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        try (ZipOutputStream zip = new ZipOutputStream(out)) {
            for (Map.Entry<String, String> entry : entries.entrySet()) {
                byte[] content = entry.getValue().getBytes(StandardCharsets.UTF_8);
                ZipEntry zipEntry = new ZipEntry(entry.getKey());
                if ("mimetype".equals(entry.getKey())) {
                    CRC32 crc = new CRC32();
                    crc.update(content);
                    zipEntry.setMethod(ZipEntry.STORED);
                    zipEntry.setSize(content.length);
                    zipEntry.setCrc(crc.getValue());
                }
                zip.putNextEntry(zipEntry);
                zip.write(content);
                zip.closeEntry();
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
        return out.toByteArray();
    }
}
