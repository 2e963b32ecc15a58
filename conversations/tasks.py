from celery import shared_task

from .models import Message
from .selectors import thread_for_application, thread_for_mentorship
from .services import conversation_message_notify


@shared_task(autoretry_for=(Exception,), retry_backoff=True, max_retries=5)
def notify_conversation_message(message_id: int) -> int:
    """Tell the other side of a message; a message deleted meanwhile (with an account) tells nobody."""
    message = Message.objects.select_related("conversation", "author").filter(pk=message_id).first()
    if message is None:
        return 0
    conversation = message.conversation
    if conversation.application_id:
        thread = thread_for_application(user=message.author, pk=conversation.application_id)
    else:
        thread = thread_for_mentorship(user=message.author, pk=conversation.mentorship_id)
    if thread is None:
        return 0
    return conversation_message_notify(message=message, thread=thread)
