from django import template

from conversations.selectors import thread_for_application, thread_for_mentorship, thread_unread_count

register = template.Library()


@register.inclusion_tag("conversations/includes/thread_link.html", takes_context=True)
def conversation_link(context, application=None, mentorship=None) -> dict:
    """A link to the thread of an application or mentorship with its unread count, if the reader may see it."""
    user = context["request"].user
    if application is not None:
        thread = thread_for_application(user=user, pk=application.pk)
    else:
        thread = thread_for_mentorship(user=user, pk=mentorship.pk)
    if thread is None:
        return {"thread": None}
    return {"thread": thread, "unread": thread_unread_count(conversation=thread.conversation, user=user)}
