package dev.loadverdict.reporter;

import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * An inline SVG chart as the HTML template draws it: a size and a list of primitives whose coordinates are already
 * computed and formatted here, so the template only loops. Text is plain (the template escapes it); every text,
 * title and tooltip is {@link UntrustedText#tidy tidied} here, as names from result files reach all of them.
 */
final class SvgChart {

    private final String title;
    private final int width;
    private final int height;
    private final List<View.SvgShape> shapes = new ArrayList<>();

    SvgChart(String title, int width, int height) {
        this.title = title;
        this.width = width;
        this.height = height;
    }

    /** Longest tooltip: a tidied name ({@value UntrustedText#MAX_CODE_POINTS}) and the values after it. */
    static final int MAX_TOOLTIP = 2 * UntrustedText.MAX_CODE_POINTS;

    SvgChart rect(double x, double y, double w, double h, String cssClass, String tooltip) {
        shapes.add(new View.SvgShape("rect", n(x), n(y), n(Math.max(0, w)), n(Math.max(0, h)), "", cssClass,
                UntrustedText.tidy(tooltip, MAX_TOOLTIP), "", ""));
        return this;
    }

    SvgChart line(double x1, double y1, double x2, double y2, String cssClass) {
        shapes.add(new View.SvgShape("line", n(x1), n(y1), n(x2), n(y2), "", cssClass, "", "", ""));
        return this;
    }

    SvgChart polyline(List<double[]> points, String cssClass, String tooltip) {
        StringBuilder p = new StringBuilder();
        for (double[] xy : points) {
            if (p.length() > 0) {
                p.append(' ');
            }
            p.append(n(xy[0])).append(',').append(n(xy[1]));
        }
        shapes.add(new View.SvgShape("polyline", "", "", "", "", p.toString(), cssClass,
                UntrustedText.tidy(tooltip, MAX_TOOLTIP), "", ""));
        return this;
    }

    SvgChart text(double x, double y, String anchor, String cssClass, String text) {
        shapes.add(new View.SvgShape("text", n(x), n(y), "", "", "", cssClass, "", anchor, UntrustedText.tidy(text)));
        return this;
    }

    View.Svg build() {
        return new View.Svg(UntrustedText.tidy(title), Integer.toString(width), Integer.toString(height),
                "0 0 " + width + " " + height, List.copyOf(shapes));
    }

    private static String n(double v) {
        return String.format(Locale.ROOT, "%.1f", v);
    }
}
