package dev.loadverdict.reporter;

import freemarker.ext.beans.ClassMemberAccessPolicy;
import freemarker.ext.beans.MemberAccessPolicy;
import freemarker.template.DefaultObjectWrapper;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.SimpleScalar;
import freemarker.template.TemplateModel;
import freemarker.template.TemplateModelException;

import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Method;
import java.lang.reflect.RecordComponent;
import java.util.Arrays;

/**
 * Exposes the {@link View} (and {@link ScalingView}) records to templates as read-only properties, nothing else, and decides how
 * {@link Trusted} text (and a {@link Code} value or a {@link Sentence}) reaches a template: as markup of the template's output format (printed unescaped),
 * or as a plain string (escaped like any other, and usable with {@code ?right_pad}).
 */
final class ViewWrapper extends DefaultObjectWrapper {
    private final boolean trustedAsMarkup;

    /**
     * @param trustedAsMarkup {@code true}: trusted text becomes Markdown markup, printed as it is;
     *                        {@code false}: a plain string, sanitized like the rest (which leaves
     *                        loadverdict's own text unchanged)
     */
    ViewWrapper(boolean trustedAsMarkup) {
        super(settings(), true);
        this.trustedAsMarkup = trustedAsMarkup;
    }

    private static DefaultObjectWrapperBuilder settings() {
        DefaultObjectWrapperBuilder builder = new DefaultObjectWrapperBuilder(Templates.VERSION);
        builder.setMemberAccessPolicy(new ViewRecordsOnly());
        return builder;
    }

    @Override
    public TemplateModel wrap(Object object) throws TemplateModelException {
        if (object instanceof ScriptJson json) {
            // only the trend page has one, in a script element, where HTML escaping would corrupt it; ScriptJson
            // escaped what could end the element
            return freemarker.core.HTMLOutputFormat.INSTANCE.fromMarkup(json.text());
        }
        if (object instanceof Code code) {
            return trustedAsMarkup
                    ? MarkdownOutputFormat.INSTANCE.fromMarkup(code.markdown())
                    : new SimpleScalar(code.text());
        }
        if (object instanceof Sentence sentence) {
            return trustedAsMarkup
                    ? MarkdownOutputFormat.INSTANCE.fromMarkup(MarkdownEscaper.escape(sentence.text(),
                            UntrustedText.SENTENCE_CODE_POINTS))
                    : new SimpleScalar(sentence.tidy());
        }
        if (object instanceof Trusted trusted) {
            return trustedAsMarkup
                    ? MarkdownOutputFormat.INSTANCE.fromMarkup(trusted.text())
                    : new SimpleScalar(trusted.text());
        }
        return super.wrap(object);
    }

    /**
     * Templates may read the components of the {@link View} records and call nothing else: no other
     * method, no constructor, no field, not even {@code toString()}.
     */
    private static final class ViewRecordsOnly implements MemberAccessPolicy, ClassMemberAccessPolicy {
        @Override
        public ClassMemberAccessPolicy forClass(Class<?> contextClass) {
            return this;
        }

        @Override
        public boolean isToStringAlwaysExposed() {
            return false;
        }

        @Override
        public boolean isMethodExposed(Method method) {
            Class<?> owner = method.getDeclaringClass();
            return owner.isRecord()
                    && (owner.getEnclosingClass() == View.class || owner.getEnclosingClass() == ScalingView.class)
                    && Arrays.stream(owner.getRecordComponents())
                    .map(RecordComponent::getAccessor)
                    .anyMatch(method::equals);
        }

        @Override
        public boolean isConstructorExposed(Constructor<?> constructor) {
            return false;
        }

        @Override
        public boolean isFieldExposed(Field field) {
            return false;
        }
    }
}
